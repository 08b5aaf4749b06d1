package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchTest {
    sealed interface Kind permits Ping, Pong, Vote {
    }

    record Ping(int n) implements Kind {
    }

    record Pong(int n) implements Kind {
    }

    sealed interface Vote extends Kind permits Yes, No {
    }

    record Yes() implements Vote {
    }

    record No() implements Vote {
    }

    /** A node 7 at 42 ns: all a loud failure reads from its context. */
    private static final Context NODE_7 = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                case "self" -> 7;
                case "trueTimeNanos", "now" -> 42L;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aTableThatForgetsAKindOfTheSealedInterfaceDoesNotBuildAndNamesIt() {
        Dispatch.Builder<List<String>> builder = Dispatch.<List<String>>over(Kind.class, "test actor")
                .on(Ping.class, (seen, ctx, from, m) -> seen.add("ping"))
                .on(Yes.class, (seen, ctx, from, m) -> seen.add("yes"))
                .notForThisActor(No.class);
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("test actor handles no Pong of Kind: add a handler or list it as not for this actor", e.getMessage());
    }

    @Test
    void eachKindReachesItsHandlerAndOneNotForThisActorFailsLoudly() {
        Dispatch<List<String>> dispatch = Dispatch.<List<String>>over(Kind.class, "test actor")
                .on(Ping.class, (seen, ctx, from, m) -> seen.add("ping " + m.n() + " from " + from))
                .on(Pong.class, (seen, ctx, from, m) -> seen.add("pong " + m.n()))
                .on(Yes.class, (seen, ctx, from, m) -> seen.add("yes"))
                .notForThisActor(No.class)
                .build();
        List<String> seen = new ArrayList<>();
        dispatch.dispatch(seen, NODE_7, 3, new Ping(1));
        dispatch.dispatch(seen, NODE_7, 3, new Pong(2));
        dispatch.dispatch(seen, NODE_7, 3, new Yes());
        assertEquals(List.of("ping 1 from 3", "pong 2", "yes"), seen);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dispatch.dispatch(seen, NODE_7, 3, new No()));
        assertEquals("test actor 7 got a message from 3 it does not handle at 42 ns: No", e.getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> dispatch.dispatch(seen, NODE_7, 3, "a string"))
                .getMessage().endsWith(": String"));
    }

    @Test
    void onlyASealedInterfaceCanBeDispatchedOver() {
        assertThrows(IllegalArgumentException.class, () -> Dispatch.over(Runnable.class, "test actor"));
    }
}
