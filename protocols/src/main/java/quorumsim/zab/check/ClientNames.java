package quorumsim.zab.check;

/**
 * A client in a violation, named as charts and diagrams name it: node {@code servers + K} is
 * {@code cK}. Checkers built without the server count name clients by node id.
 */
record ClientNames(int servers) {
    static final ClientNames BY_NODE_ID = new ClientNames(0);

    String of(int node) {
        return "c" + (node - servers);
    }
}
