package io.camelbricks.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.h2.jdbcx.JdbcConnectionPool;

import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.camel.state.JdbcStateRepository;

/**
 * One node of {@link MultiNodeIT}, run in a JVM of its own ({@code java -cp <the test classpath> ...ClusterNode
 * name=value ...}): a CamelContext whose routes run only while this node leads their namespace (the file cluster
 * service on a shared directory, {@link ClusteredRoutePolicy}), with the consumer's seen states and cursor in a shared
 * database (camel-sql's {@link JdbcMessageIdRepository}, {@link JdbcStateRepository}); the events route writes each
 * run state change into the same database through an idempotent sink ({@link RunEventsSink}). The workspace comes
 * from the environment ({@code DATABRICKS_HOST}, {@code DATABRICKS_TOKEN}), as on a real deployment. What it does
 * goes to its {@link NodeJournal}.
 * <p>
 * Options: {@code journal} (file), {@code name} (the node's, kept in the sink rows it writes), {@code clusterRoot}
 * (directory), {@code jdbcUrl}, {@code routes} ({@code events}, {@code orders} or both, comma-separated), {@code inbox}
 * and {@code inboxById} (directories of the two orders routes: resumed by business key, resumed by the run id kept in
 * a shared {@link JdbcStateRepository}), {@code hangAt} (the events route stops for good at its n-th event, after
 * journalling it and writing it to the sink: an exchange in flight, its work done, when the node is killed),
 * {@code eventsLeader} (how the events route follows the leader: {@code routePolicy}, the default, a
 * {@link ClusteredRoutePolicy} that starts the whole route on the leader; or {@code master}, the route written
 * {@code from("master:databricks-events:databricks:jobs/listRuns?...")}, camel-master starting only the consumer
 * inside the route on the leader).
 */
public final class ClusterNode {
    /**
     * The lock interval of the file cluster service (every node must use the same) and after how many intervals
     * without a heartbeat the leader counts as gone: 2 s, so that a leader slowed down by a loaded machine is not
     * taken for dead (that would be a split brain, which the test would see as duplicates).
     */
    static final long LOCK_INTERVAL_MILLIS = 250;
    static final int HEARTBEAT_TIMEOUT_MULTIPLIER = 8;
    static final String EVENTS_NAMESPACE = "databricks-events";
    static final String ORDERS_NAMESPACE = "databricks-orders";
    /** The values of the {@code eventsLeader} option. */
    static final List<String> LEADER_STYLES = List.of("routePolicy", "master");

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("ClusterNode arguments are name=value, not '" + arg + "'");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        NodeJournal journal = new NodeJournal(Path.of(required(options, "journal")));
        CamelContext camel = start(options, journal);
        Runtime.getRuntime().addShutdownHook(new Thread(camel::stop));
        journal.append("STARTED");
        new CountDownLatch(1).await(); // until the test kills the process
    }

    static CamelContext start(Map<String, String> options, NodeJournal journal) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(required(options, "clusterRoot"));
        cluster.setAcquireLockDelay(LOCK_INTERVAL_MILLIS / 2, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(LOCK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(HEARTBEAT_TIMEOUT_MULTIPLIER);
        camel.addService(cluster);

        JdbcConnectionPool database = JdbcConnectionPool.create(required(options, "jdbcUrl"), "sa", "");
        camel.getRegistry().bind("seen", new RecordingIdempotentRepository(
                new JdbcMessageIdRepository(database, EVENTS_NAMESPACE), journal));
        camel.getRegistry().bind("cursors", new JdbcStateRepository(database, EVENTS_NAMESPACE));
        RunEventsSink sink = new RunEventsSink(database, required(options, "name"));
        String routes = options.getOrDefault("routes", "events");
        if (routes.contains("events")) {
            sink.createTable();
        }
        String eventsLeaderStyle = options.getOrDefault("eventsLeader", "routePolicy");
        if (!LEADER_STYLES.contains(eventsLeaderStyle)) {
            throw new IllegalArgumentException("ClusterNode eventsLeader is one of " + LEADER_STYLES + ", not '"
                    + eventsLeaderStyle + "'");
        }
        boolean master = eventsLeaderStyle.equals("master");
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                // under a route policy a route starts when its node leads; a master route starts on every node
                if (event instanceof CamelEvent.RouteStartedEvent started
                        && !(master && started.getRoute().getRouteId().equals("events"))) {
                    journal.append("LEADER " + started.getRoute().getRouteId());
                }
            }
        });
        if (master) {
            // what camel-master acts on: this node became the leader of the namespace
            cluster.getView(EVENTS_NAMESPACE).addEventListener((CamelClusterEventListener.Leadership) (view,
                    leader) -> {
                if (leader != null && leader.isLocal()) {
                    journal.append("LEADER events");
                }
            });
        }
        int hangAt = Integer.parseInt(options.getOrDefault("hangAt", "0"));
        AtomicInteger events = new AtomicInteger();
        ClusteredRoutePolicy eventsLeader = ClusteredRoutePolicy.forNamespace(EVENTS_NAMESPACE);
        ClusteredRoutePolicy ordersLeader = ClusteredRoutePolicy.forNamespace(ORDERS_NAMESPACE);
        JdbcStateRepository runs = new JdbcStateRepository(database, ORDERS_NAMESPACE);
        camel.addService(runs);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (routes.contains("events")) {
                    String source = "databricks:jobs/listRuns?emit=changes&startFrom=earliest&overlap="
                            + options.get("overlap")
                            + "&initialDelay=0&delay=50&idempotentRepository=#seen&stateRepository=#cursors";
                    RouteDefinition eventsRoute = master
                            ? from("master:" + EVENTS_NAMESPACE + ":" + source).routeId("events")
                            : from(source).routeId("events").routePolicy(eventsLeader);
                    eventsRoute.process(exchange -> {
                        journal.append("EVENT " + eventKey(exchange));
                        boolean inserted = sink.write(exchange);
                        journal.append("SINK " + eventKey(exchange) + (inserted ? " inserted" : " present"));
                        if (events.incrementAndGet() == hangAt) {
                            new CountDownLatch(1).await(); // in flight until the node is killed
                        }
                    });
                }
                if (routes.contains("orders")) {
                    // the documented pattern: a redelivering source, a business key, wait=true
                    from("file:" + required(options, "inbox") + "?initialDelay=0&delay=50")
                            .routeId("orders")
                            .routePolicy(ordersLeader)
                            .setHeader(DatabricksConstants.IDEMPOTENCY_KEY, simple("${file:onlyname.noext}"))
                            .convertBodyTo(String.class)
                            .process(exchange -> journal.append("SUBMITTING " + exchange.getMessage()
                                    .getHeader(DatabricksConstants.IDEMPOTENCY_KEY)))
                            .to("databricks:jobs/submit?wait=true&pollInterval=50")
                            .process(exchange -> journal.append("DONE "
                                    + exchange.getMessage().getHeader(DatabricksConstants.IDEMPOTENCY_KEY) + " "
                                    + exchange.getMessage().getHeader(DatabricksConstants.RUN_ID) + " "
                                    + exchange.getMessage().getHeader(DatabricksConstants.RESULT_STATE)));
                    // the variant for requests that cannot be rebuilt: the run id kept in a shared StateRepository
                    from("file:" + required(options, "inboxById") + "?initialDelay=0&delay=50")
                            .routeId("ordersById")
                            .routePolicy(ordersLeader)
                            .setHeader(DatabricksConstants.IDEMPOTENCY_KEY, simple("${file:onlyname.noext}"))
                            .convertBodyTo(String.class)
                            .setProperty("order", body())
                            .process(exchange -> {
                                String key = exchange.getMessage().getHeader(DatabricksConstants.IDEMPOTENCY_KEY,
                                        String.class);
                                String runId = runs.getState("run:" + key);
                                if (runId != null) {
                                    journal.append("RESUMING " + key + " " + runId);
                                    exchange.getMessage().setHeader(DatabricksConstants.REATTACH_RUN_ID,
                                            Long.valueOf(runId));
                                }
                            })
                            .choice().when(header(DatabricksConstants.REATTACH_RUN_ID).isNull())
                                .to("databricks:jobs/submit")
                                .process(exchange -> runs.setState("run:" + exchange.getMessage()
                                        .getHeader(DatabricksConstants.IDEMPOTENCY_KEY), exchange.getMessage()
                                        .getHeader(DatabricksConstants.RUN_ID, String.class)))
                                .setHeader(DatabricksConstants.REATTACH_RUN_ID, header(DatabricksConstants.RUN_ID))
                            .end()
                            .setBody(exchangeProperty("order"))
                            .process(exchange -> journal.append("WAITING " + exchange.getMessage()
                                    .getHeader(DatabricksConstants.IDEMPOTENCY_KEY) + " " + exchange.getMessage()
                                    .getHeader(DatabricksConstants.REATTACH_RUN_ID)))
                            .to("databricks:jobs/submit?wait=true&pollInterval=50")
                            .process(exchange -> journal.append("DONE "
                                    + exchange.getMessage().getHeader(DatabricksConstants.IDEMPOTENCY_KEY) + " "
                                    + exchange.getMessage().getHeader(DatabricksConstants.RUN_ID) + " "
                                    + exchange.getMessage().getHeader(DatabricksConstants.RESULT_STATE)));
                }
            }
        });
        camel.start();
        return camel;
    }

    /** The consumer's key of the event, as the idempotent repository stores it. */
    static String eventKey(Exchange exchange) {
        return "jobs/listRuns:" + exchange.getMessage().getHeader(DatabricksConstants.ITEM_KEY) + ":state="
                + exchange.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ClusterNode needs the argument " + name + "=...");
        }
        return value;
    }
}
