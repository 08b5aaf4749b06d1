package quorumsim.transcript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import quorumsim.core.Message;
import quorumsim.core.StableStore;

/**
 * Runs one transcript: a replica, the steps that drive it, and after each step what it must
 * have done. The lines:
 *
 * <pre>
 * # a comment                      the rule under test, in the paper's words
 * config KEY=VALUE ...             the replica (the protocol's keys); it starts now
 * show sends timers(T1 T2) ...     which effects the expect lines pin (default: sends);
 *                                  a kind with a list keeps only those types
 * deliver FROM MESSAGE             the replica receives MESSAGE from node FROM
 * fire TIMER                       a pending timer fires (by name, or by its full form)
 * persisted                        every disk write handed out so far is done
 * disconnect PEER                  the connection to PEER broke (a TCP reset, as the engine reports it)
 * restart                          the replica crashes and recovers: it is built again from
 *                                  its stable store; timers and writes not yet done are lost
 * expect nothing                   no effect of the shown kinds
 * expect send TO MESSAGE           the effects of the step, one line each, in order:
 * expect multicast MESSAGE to IDS    sends, multicasts, timers set (timer T after 100ms)
 * expect timer T after DURATION      and cancelled (cancel T), disk writes (persist TOKEN), closes (close PEER),
 * expect observe EVENT               observations (observe EVENT)
 * expect state FIELD=VALUE ...     the replica's state after the step
 * </pre>
 *
 * Every step but config is followed by at least one expect line; the effects of the shown
 * kinds must be exactly the expected ones, in order (after config with no expect line: none).
 */
final class TranscriptRunner {
    private static final List<String> KINDS = List.of("sends", "timers", "persists", "observations", "closes");

    private final String file;
    private final BiFunction<Map<String, Term>, StableStore, Subject> factory;
    private Subject subject;
    private RecordingContext ctx;
    /** Shown kinds, each with the type names it keeps (empty: all). */
    private Map<String, TreeSet<String>> shown = new LinkedHashMap<>(Map.of("sends", new TreeSet<>()));

    private int stepLine;
    private String stepText;
    private List<Effect> stepEffects;
    private final List<String> expected = new ArrayList<>();
    private boolean stepChecked;
    private boolean nothingExpected;

    TranscriptRunner(String file, BiFunction<Map<String, Term>, StableStore, Subject> factory) {
        this.file = file;
        this.factory = factory;
    }

    void run(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            try {
                execute(number, line);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new AssertionError(file + ":" + number + ": " + line + "\n  " + e.getMessage(), e);
            }
        }
        finishStep();
        if (subject == null) {
            throw new AssertionError(file + ": no config line");
        }
    }

    private void execute(int number, String line) {
        int space = line.indexOf(' ');
        String command = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        if (!command.equals("config") && !command.equals("show") && subject == null) {
            throw new IllegalArgumentException("the first line must be config");
        }
        switch (command) {
            case "config" -> {
                finishStep();
                if (subject != null) {
                    throw new IllegalArgumentException("one config per transcript");
                }
                Map<String, Term> settings = new TreeMap<>();
                for (Term.Arg a : Term.parseLine(rest)) {
                    if (a.key() == null) {
                        throw new IllegalArgumentException("config takes KEY=VALUE pairs, not " + a);
                    }
                    settings.put(a.key(), a.value());
                }
                StableStore store = new StableStore();
                subject = factory.apply(settings, store);
                ctx = new RecordingContext(Integer.parseInt(Term.print(settings.get("self"))), store);
                beginStep(number, line);
                subject.actor().onStart(ctx);
            }
            case "show" -> {
                finishStep();
                shown = new LinkedHashMap<>();
                for (Term.Arg a : Term.parseLine(rest)) {
                    TreeSet<String> types = new TreeSet<>();
                    String kind;
                    if (a.value() instanceof Term.Call c) {
                        kind = c.name();
                        for (Term t : c.positional()) {
                            types.add(Term.print(t));
                        }
                    } else {
                        kind = Term.print(a.value());
                    }
                    if (!KINDS.contains(kind)) {
                        throw new IllegalArgumentException("show takes " + String.join(", ", KINDS) + "; not " + kind);
                    }
                    shown.put(kind, types);
                }
            }
            case "deliver" -> {
                finishStep();
                List<Term.Arg> args = Term.parseLine(rest);
                if (args.size() != 2) {
                    throw new IllegalArgumentException("deliver FROM MESSAGE");
                }
                int from = Integer.parseInt(Term.print(args.get(0).value()));
                Message m = subject.message(args.get(1).value(), from);
                subject.remember(m);
                beginStep(number, line);
                subject.actor().onMessage(ctx, from, m);
            }
            case "fire" -> {
                finishStep();
                RecordingContext.Pending timer = findTimer(Term.parse(rest));
                ctx.fired(timer);
                beginStep(number, line);
                subject.actor().onTimer(ctx, timer.id().timer());
            }
            case "persisted" -> {
                finishStep();
                beginStep(number, line);
                for (Object token : ctx.takeWrites()) {
                    subject.actor().onPersisted(ctx, token);
                }
            }
            case "disconnect" -> {
                finishStep();
                int peer = Integer.parseInt(rest);
                beginStep(number, line);
                subject.actor().onConnectionLost(ctx, peer);
            }
            case "restart" -> {
                finishStep();
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("restart takes nothing");
                }
                ctx = ctx.restarted();
                subject.restart();
                beginStep(number, line);
                subject.actor().onStart(ctx);
            }
            case "expect" -> expect(rest);
            default -> throw new IllegalArgumentException(
                    "unknown command '" + command + "'; use config, show, deliver, fire, persisted, disconnect, restart, expect");
        }
    }

    private RecordingContext.Pending findTimer(Term wanted) {
        List<String> pending = new ArrayList<>();
        for (RecordingContext.Pending p : ctx.pendingTimers()) {
            Term shownTimer = subject.render(p.id().timer());
            boolean byName = wanted instanceof Term.Atom a && shownTimer instanceof Term.Call c && c.name().equals(a.text());
            if (byName || Term.print(shownTimer).equals(Term.print(wanted))) {
                return p;
            }
            pending.add(Term.print(shownTimer));
        }
        throw new IllegalArgumentException("no pending timer " + Term.print(wanted) + "; pending: " + pending);
    }

    private void beginStep(int number, String line) {
        stepLine = number;
        stepText = line;
        stepEffects = null;
        stepChecked = false;
        nothingExpected = false;
        expected.clear();
    }

    private void expect(String rest) {
        if (stepText == null) {
            throw new IllegalArgumentException("expect must follow config, deliver, fire, persisted, disconnect or restart");
        }
        stepChecked = true;
        if (rest.startsWith("state ")) {
            for (Term.Arg a : Term.parseLine(rest.substring("state ".length()))) {
                if (a.key() == null) {
                    throw new IllegalArgumentException("expect state FIELD=VALUE ...");
                }
                String actual = subject.state(a.key());
                if (!actual.equals(Term.print(a.value()))) {
                    throw new AssertionError(file + ":" + stepLine + ": " + stepText + "\n  expected state " + a.key() + "="
                            + Term.print(a.value()) + "\n  got      state " + a.key() + "=" + actual);
                }
            }
            return;
        }
        if (rest.equals("nothing")) {
            nothingExpected = true;
        } else {
            for (Term.Arg a : Term.parseLine(rest)) {
                subject.learn(a.value());
            }
            expected.add(Term.canonical(rest));
        }
        if (nothingExpected && !expected.isEmpty()) {
            throw new IllegalArgumentException("'expect nothing' and other effects for one step");
        }
    }

    /** Compares the step's shown effects with the expected lines. */
    private void finishStep() {
        if (stepText == null) {
            return;
        }
        if (!stepChecked && !stepText.startsWith("config")) {
            throw new AssertionError(file + ":" + stepLine + ": " + stepText + "\n  has no expect line; say what it must do");
        }
        List<Effect> effects = ctx.drain();
        for (Effect e : effects) {
            if (e instanceof Effect.Send s) {
                subject.remember(s.message());
            } else if (e instanceof Effect.Multicast m) {
                subject.remember(m.message());
            }
        }
        List<String> actual = new ArrayList<>();
        for (Effect e : effects) {
            if (isShown(e)) {
                actual.add(Term.canonical(show(e)));
            }
        }
        if (!actual.equals(expected)) {
            throw new AssertionError(file + ":" + stepLine + ": " + stepText + "\n  expected:\n" + block(expected)
                    + "  got:\n" + block(actual));
        }
        stepText = null;
    }

    private boolean isShown(Effect e) {
        TreeSet<String> types = shown.get(e.kind());
        if (types == null) {
            return false;
        }
        return types.isEmpty() || types.contains(e.subject().getClass().getSimpleName());
    }

    private static String block(List<String> lines) {
        if (lines.isEmpty()) {
            return "    nothing\n";
        }
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append("    ").append(l).append('\n');
        }
        return out.toString();
    }

    private String show(Effect e) {
        if (e instanceof Effect.Send s) {
            return "send " + s.to() + " " + Term.print(subject.render(s.message()));
        }
        if (e instanceof Effect.Multicast m) {
            StringBuilder to = new StringBuilder();
            for (int node : m.to()) {
                to.append(' ').append(node);
            }
            return "multicast " + Term.print(subject.render(m.message())) + " to" + to;
        }
        if (e instanceof Effect.TimerSet t) {
            return "timer " + Term.print(subject.render(t.timer())) + " after " + Durations.show(t.delayNanos());
        }
        if (e instanceof Effect.TimerCancelled t) {
            return "cancel " + Term.print(subject.render(t.timer()));
        }
        if (e instanceof Effect.Persist p) {
            String device = p.device() == quorumsim.disk.DiskDevice.LOG ? "" : p.device().label() + " ";
            return "persist " + device + Term.print(subject.render(p.token()));
        }
        if (e instanceof Effect.Observe o) {
            return "observe " + Term.print(subject.render(o.event()));
        }
        if (e instanceof Effect.Close c) {
            return "close " + c.peer();
        }
        throw new IllegalStateException("an effect of no known kind: " + e);
    }
}
