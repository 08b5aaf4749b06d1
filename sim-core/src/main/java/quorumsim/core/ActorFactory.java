package quorumsim.core;

/**
 * Makes a node's actor: once at the start and again after every recovery from a crash.
 * Whatever the actor needs to survive a crash lives in the {@link StableStore}; everything
 * else is volatile and lost.
 */
@FunctionalInterface
public interface ActorFactory {
    Actor create(int self, StableStore store);
}
