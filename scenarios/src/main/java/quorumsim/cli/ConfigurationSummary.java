package quorumsim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.PbftCosts;
import quorumsim.pbft.Quorums;
import quorumsim.scenario.ProtocolConfig;
import quorumsim.scenario.ScenarioSpec;
import quorumsim.scenario.Units;
import quorumsim.zab.ZabConfig;

/**
 * The configuration in force, as the protocol runs it: n, f, the quorum sizes each step needs,
 * the timeouts, and every assumption the scenario breaks (it ran only with {@code unsafe: true}).
 * A student who sets {@code n: 3} sees here that the default quorum became 3, not 2.
 *
 * @param values             name -> value, in reading order ("n" -> 4, "prepared" -> "pre-prepare + 2 matching prepares");
 *                           sizes are numbers, the rest text
 * @param brokenAssumptions  one line per assumption the configuration breaks; empty when it runs inside them
 */
record ConfigurationSummary(Map<String, Object> values, List<String> brokenAssumptions) {
    private static final String UNSAFE_SUFFIX = "; set unsafe: true to run it anyway";

    static ConfigurationSummary of(ScenarioSpec spec) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        int byzantine = byzantineNodes(spec);
        if (spec.protocolConfig() instanceof ProtocolConfig.Pbft pbft) {
            PbftConfig c = pbft.config();
            Quorums q = Quorums.of(c);
            values.put("n", c.n());
            values.put("f", c.f());
            values.put("quorum", c.quorum());
            values.put("prepared", "pre-prepare + " + count(q.prepares(), "matching prepare"));
            values.put("committed", count(q.commits(), "matching commit"));
            values.put("client accepts", count(c.tentativeExecution() ? q.strongReplies() : q.weak(), "matching reply", "matching replies")
                    + (c.readOnlyOptimization() ? " (" + q.strongReplies() + " for a read-only request)" : ""));
            values.put("replies", c.digestReplies() ? "the designated replica's result, digests from the others" : "the full result from every replica");
            String profile = spec.hardware().costProfile() == null ? PbftCosts.DEFAULT_PROFILE : spec.hardware().costProfile();
            values.put("CPU costs", profile + (spec.hardware().costOverrides().isEmpty() ? "" : ", with " + spec.hardware().costOverrides().keySet() + " set"));
            values.put("view change", "new view on " + count(q.viewChanges(), "VIEW-CHANGE") + "; first timeout "
                    + Units.formatDuration(c.viewChangeTimeoutNanos()) + ", doubling");
            values.put("checkpoints", "every K = " + c.checkpointInterval() + ", stable with " + q.checkpoint() + "; log window L = " + c.logWindow());
            if (!c.variant().equals(PbftConfig.STANDARD)) {
                values.put("variant", c.variant());
            }
            values.put("Byzantine nodes", byzantine);
            int atOnce = byzantine;
            if (c.proactiveRecovery() != null) {
                atOnce = pbft.configured().byzantineAtOnce(spec.faults(), spec.durationNanos(), byzantine);
                values.put("Byzantine nodes", byzantine + " over the run, at most " + atOnce + " at once");
                values.put("proactive recovery", "each replica reboots every " + Units.formatDuration(c.proactiveRecovery().periodNanos())
                        + ", staggered by " + Units.formatDuration(c.proactiveRecovery().staggerNanos()) + ", down "
                        + Units.formatDuration(c.proactiveRecovery().rebootNanos()));
            }
            broken.addAll(unsafeOnly(c.toBuilder().unsafe(false).build().validate(), c.toBuilder().unsafe(true).build().validate()));
            if (atOnce > c.f()) {
                broken.add(atOnce + " Byzantine nodes" + (c.proactiveRecovery() != null ? " at once" : "") + ", more than f = " + c.f());
            }
            if (!c.variant().equals(PbftConfig.STANDARD)) {
                broken.add("variant " + c.variant() + " is not PBFT as published");
            }
        } else if (spec.protocolConfig() instanceof ProtocolConfig.Zab zab) {
            ZabConfig c = zab.config();
            if (c.observers() > 0) {                                 // observers vote in no quorum: say which is which
                values.put("voters", c.servers());
                values.put("observers", c.observers());
            } else {
                values.put("servers", c.servers());
            }
            values.put("quorum", c.quorumSize());
            values.put("serving clients", c.leaderServes() ? "every server" : "every server but the leader");
            values.put("timeouts", "tick " + Units.formatDuration(c.tickNanos()) + ", sync limit " + c.syncLimitTicks() + " ticks, session "
                    + Units.formatDuration(c.sessionTimeoutNanos()) + ", election wait " + Units.formatDuration(c.electionFinalizeWaitNanos()));
            values.put("Byzantine nodes", byzantine);
            broken.addAll(unsafeOnly(c.toBuilder().unsafe(false).build().validate(), c.toBuilder().unsafe(true).build().validate()));
            if (byzantine > 0) {
                broken.add(byzantine + " Byzantine node(s); Zab assumes crash faults only");
            }
            if (spec.network().lossProbability() > 0 || spec.network().duplicateProbability() > 0 || !spec.network().fifoLinks()) {
                broken.add("links that lose, duplicate or reorder messages; " + ZabConfig.TCP_LINKS);
            }
        } else if (spec.protocolConfig() instanceof ProtocolConfig.Unreplicated) {
            values.put("servers", 1);
        } else {
            throw new IllegalStateException("no configuration summary for protocol " + spec.protocol());
        }
        return new ConfigurationSummary(values, broken);
    }

    /** The problems a configuration has only because it is outside the assumptions (gone once unsafe). */
    private static List<String> unsafeOnly(List<String> strict, List<String> lenient) {
        List<String> out = new ArrayList<>();
        for (String problem : strict) {
            if (!lenient.contains(problem)) {
                out.add(problem.endsWith(UNSAFE_SUFFIX) ? problem.substring(0, problem.length() - UNSAFE_SUFFIX.length()) : problem);
            }
        }
        return out;
    }

    /**
     * Nodes that may turn Byzantine, counted as the binder counts them: every id named once,
     * every entry naming a role as one more node.
     */
    private static int byzantineNodes(ScenarioSpec spec) {
        TreeSet<Integer> ids = new TreeSet<>();
        int roles = 0;
        for (ScenarioSpec.TimedFault t : spec.faults()) {
            if (t.fault() instanceof Fault.Byzantine b && b.enabled()) {
                if (b.target() instanceof Target.Nodes n) {
                    for (int id : n.ids()) {
                        ids.add(id);
                    }
                } else {
                    roles++;
                }
            }
        }
        return ids.size() + roles;
    }

    private static String count(int n, String thing) {
        return count(n, thing, thing + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The values as text, for report.html. */
    Map<String, String> text() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** "n 4, f 1, quorum 3 ..." lines for the terminal, two-space indented like the rest of the summary. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(String.format("  %-16s %s", k, v)));
        for (String b : brokenAssumptions) {
            out.add("  ASSUMPTION BROKEN: " + b);
        }
        return out;
    }
}
