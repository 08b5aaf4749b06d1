package quorumsim.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class PartitionsTest {
    @Test
    void groupsCutEveryLinkBetweenThemBothWaysAndSpareNodesInNoGroup() {
        BitSet links = Partitions.linksBetweenGroups(5, new int[][] {{0, 1}, {2, 3}});
        Partitions p = new Partitions(5);
        p.cutAll(links);
        assertTrue(p.isCut(0, 2) && p.isCut(2, 0) && p.isCut(1, 3) && p.isCut(3, 1));
        assertFalse(p.isCut(0, 1) || p.isCut(2, 3));
        assertFalse(p.isCut(4, 0) || p.isCut(0, 4) || p.isCut(4, 3), "node 4 is in no group");
    }

    @Test
    void overlappingCutsHealIndependently() {
        Partitions p = new Partitions(3);
        BitSet isolateTwo = Partitions.linksIsolating(3, 2);
        BitSet oneWay = Partitions.oneWay(3, 0, 2);
        p.cutAll(isolateTwo);
        p.cutAll(oneWay);
        p.restoreAll(isolateTwo);
        assertTrue(p.isCut(0, 2), "the one-way cut still holds");
        assertFalse(p.isCut(2, 0) || p.isCut(1, 2));
        p.restoreAll(oneWay);
        assertFalse(p.anyCut());
        assertThrows(IllegalStateException.class, () -> p.restore(0, 2));
    }
}
