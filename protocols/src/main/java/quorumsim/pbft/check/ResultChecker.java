package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.kv.KvStore;
import quorumsim.kv.Operation;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.ServiceState;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/**
 * Safety from the clients' side: every result a client accepted equals what the sequential
 * key-value store returns when it replays the agreed order (per sequence number, the batch
 * the correct replicas executed), with the same exactly-once rule. A read-only result must
 * be a value its key held at some point of that order.
 */
public final class ResultChecker {
    private ResultChecker() {
    }

    public static Verdict check(RunRecord run) {
        boolean anyReadOnly = run.calls().stream().anyMatch(c -> c.acceptedNanos >= 0 && c.readOnly);
        ServiceState replay = new ServiceState();
        KvStore values = new KvStore();
        // Looked up only by key, never iterated: a HashMap is safe here.
        HashMap<Long, String> expected = new HashMap<>();
        TreeMap<String, TreeSet<String>> history = new TreeMap<>();
        long replayed = 0;
        for (RunRecord.Agreed agreed : run.agreed.values()) {
            replayed++;
            for (Request r : agreed.batch()) {
                ServiceState.CachedReply last = replay.lastReply(r.client(), r.stream());
                if (last != null && last.timestamp() >= r.timestamp()) {
                    continue;
                }
                String result = replay.execute(r.client(), r.stream(), r.timestamp(), r.op(), false);
                expected.put(RunRecord.key(r.client(), r.stream(), r.timestamp()), result);
                if (anyReadOnly) {
                    values.apply(r.op());
                    String now = values.apply(Operation.get(r.op().key()));
                    history.computeIfAbsent(r.op().key(), k -> new TreeSet<>(List.of(""))).add(now);
                }
            }
        }
        List<Violation> violations = new ArrayList<>();
        long accepted = 0;
        for (RunRecord.ClientCall call : run.calls()) {
            if (call.acceptedNanos < 0) {
                continue;
            }
            accepted++;
            if (call.readOnly) {
                TreeSet<String> held = history.getOrDefault(call.op.key(), new TreeSet<>(List.of("")));
                if (!held.contains(call.result)) {
                    violations.add(new Violation("client-result", String.format(
                            "%s accepted read-only result '%s' at %.6fs, a value %s never held in the agreed order",
                            call.name(), call.result, RunRecord.seconds(call.acceptedNanos), call.op.key()),
                            RunRecord.seconds(call.acceptedNanos)));
                }
                continue;
            }
            String want = expected.get(RunRecord.key(call.client, call.stream, call.timestamp));
            if (want == null && call.tentative) {
                continue;                                                 // prepared at a quorum; commits after the run
            }
            if (want == null) {
                violations.add(new Violation("client-result", String.format(
                        "%s accepted result '%s' at %.6fs, but no correct replica executed it",
                        call.name(), call.result, RunRecord.seconds(call.acceptedNanos)), RunRecord.seconds(call.acceptedNanos)));
            } else if (!want.equals(call.result)) {
                violations.add(new Violation("client-result", String.format(
                        "%s accepted result '%s' at %.6fs, but the agreed order gives '%s'",
                        call.name(), call.result, RunRecord.seconds(call.acceptedNanos), want), RunRecord.seconds(call.acceptedNanos)));
            }
        }
        return Verdict.of(violations, "client results: " + accepted + " accepted results match a sequential replay of "
                + replayed + " agreed sequence numbers");
    }
}
