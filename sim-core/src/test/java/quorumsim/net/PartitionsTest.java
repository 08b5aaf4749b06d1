package quorumsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartitionsTest {
    @Test
    void groupsCutEveryLinkBetweenThemBothWaysAndSpareNodesInNoGroup() {
        LinkSet links = LinkSet.betweenGroups(5, new int[][] {{0, 1}, {2, 3}});
        Partitions p = new Partitions(5);
        p.cutAll(links);
        assertTrue(p.isCut(0, 2) && p.isCut(2, 0) && p.isCut(1, 3) && p.isCut(3, 1));
        assertFalse(p.isCut(0, 1) || p.isCut(2, 3));
        assertFalse(p.isCut(4, 0) || p.isCut(0, 4) || p.isCut(4, 3), "node 4 is in no group");
    }

    @Test
    void overlappingCutsHealIndependently() {
        Partitions p = new Partitions(3);
        LinkSet isolateTwo = LinkSet.isolating(3, 2);
        LinkSet oneWay = LinkSet.oneWay(3, 0, 2);
        p.cutAll(isolateTwo);
        p.cutAll(oneWay);
        p.restoreAll(isolateTwo);
        assertTrue(p.isCut(0, 2), "the one-way cut still holds");
        assertFalse(p.isCut(2, 0) || p.isCut(1, 2));
        p.restoreAll(oneWay);
        assertFalse(p.anyCut());
        assertThrows(IllegalStateException.class, () -> p.restore(0, 2));
    }

    @Test
    void linksPastFortySixThousandNodesAreTheirOwnAndHealInOrder() {
        int nodes = 100_000;                                              // from * nodes + to overflows an int here
        Partitions p = new Partitions(nodes);
        java.util.List<String> healed = new java.util.ArrayList<>();
        p.setListener((from, to) -> healed.add(from + "->" + to));
        LinkSet links = LinkSet.betweenGroups(nodes, new int[][] {{99_999, 0}, {50_000}});
        p.cutAll(links);
        assertTrue(p.isCut(99_999, 50_000) && p.isCut(50_000, 0) && p.isCut(0, 50_000));
        assertFalse(p.isCut(99_999, 0) || p.isCut(50_000, 49_999) || p.isCut(42_949, 67_296));
        p.restoreAll(links);
        assertEquals(java.util.List.of("0->50000", "50000->0", "50000->99999", "99999->50000"), healed);
        assertFalse(p.anyCut());
    }

    @Test
    void isolatingTwoNodesCutsEachOfTheirLinksOnceInLinkOrder() {
        LinkSet both = LinkSet.isolating(4, 1).or(LinkSet.isolating(4, 2));
        java.util.List<String> links = new java.util.ArrayList<>();
        both.forEach((from, to) -> links.add(from + "->" + to));
        assertEquals(java.util.List.of("0->1", "0->2", "1->0", "1->2", "1->3", "2->0", "2->1", "2->3", "3->1", "3->2"), links);
    }
}
