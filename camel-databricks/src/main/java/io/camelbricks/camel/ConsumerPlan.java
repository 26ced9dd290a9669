package io.camelbricks.camel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.camelbricks.api.OperationRegistry;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.WaitSpec;
import io.camelbricks.api.wire.JsonMapper;

/**
 * What a consumer on an operation does, decided (and validated) when the consumer is created:
 * <ul>
 * <li>{@link Kind#ITEMS}: a list operation, each item once;</li>
 * <li>{@link Kind#CHANGES}: a list operation, one exchange per observed state of each item; the state field
 * defaults to the status path of a waiter of the same service when the items have that field (runs:
 * {@code state.life_cycle_state}; clusters and warehouses: {@code state});</li>
 * <li>{@link Kind#RUN_EVENTS}: {@code jobs/listRuns} with {@code emit=changes}: like CHANGES (each observed
 * life_cycle_state of each run once), but each poll lists only the runs started since a persisted cursor minus an
 * overlap ({@link RunEventCursor}, {@link RunEventWindow});</li>
 * <li>{@link Kind#FOLLOW}: an operation a waiter polls (e.g. {@code jobs/getRun}), one exchange per observed
 * state of that one entity, until a terminal state;</li>
 * <li>{@link Kind#FILES}: a directory listing ({@code files/listDirectoryContents}, {@code dbfs/list}), one
 * {@link DatabricksFile} per new or changed file (path, size and modification time), like the file component.</li>
 * </ul>
 */
final class ConsumerPlan {
    enum Kind { ITEMS, CHANGES, RUN_EVENTS, FOLLOW, FILES }

    /** The operation whose state changes are run events. */
    static final String LIST_RUNS = "jobs.Jobs.listRuns";

    private static final ObjectMapper MAPPER = JsonMapper.create();

    private final Kind kind;
    private final String statePath;
    private final Set<String> terminalStates;
    private final DataOperations.Listing listing;
    private Set<String> stateValues = Set.of();

    private ConsumerPlan(Kind kind, String statePath, Set<String> terminalStates) {
        this(kind, statePath, terminalStates, null);
    }

    private ConsumerPlan withStateValues(Operation<?, ?> op) {
        this.stateValues = stateValues(MAPPER.constructType(op.pagination().itemType()), statePath);
        return this;
    }

    private ConsumerPlan(Kind kind, String statePath, Set<String> terminalStates, DataOperations.Listing listing) {
        this.kind = kind;
        this.statePath = statePath;
        this.terminalStates = terminalStates;
        this.listing = listing;
    }

    /** FILES: the store and the request field naming the listed directory. */
    DataOperations.Listing listing() {
        return listing;
    }

    Kind kind() {
        return kind;
    }

    /** The dotted path of the state in an item or entity (CHANGES, FOLLOW). */
    String statePath() {
        return statePath;
    }

    /**
     * CHANGES, RUN_EVENTS: the values the state field can take (its enum's wire values; empty when the field is no
     * enum). Emitting one state of an item forgets that the item's other states were emitted, so that an item coming
     * back to a state (a warehouse RUNNING again after STOPPED, a repaired run) is emitted again.
     */
    Set<String> stateValues() {
        return stateValues;
    }

    /** The states after which a FOLLOW consumer stops polling. */
    Set<String> terminalStates() {
        return terminalStates;
    }

    static ConsumerPlan of(DatabricksEndpoint endpoint) {
        Operation<Object, Object> op = endpoint.definition();
        ConsumerMode mode = ConsumerMode.parse(endpoint.getEmit());
        String path = "databricks:" + endpoint.getPath();
        String stateField = blankToNull(endpoint.getStateField());
        DataOperations.Listing listing = DataOperations.listing(op);
        if (listing != null && mode == ConsumerMode.ITEMS) {
            return new ConsumerPlan(Kind.FILES, null, Set.of(), listing);
        }
        if (op.isPaginated()) {
            if (mode == ConsumerMode.ITEMS) {
                return new ConsumerPlan(Kind.ITEMS, null, Set.of());
            }
            String statePath = stateField != null ? stateField : defaultStatePath(op);
            if (statePath == null) {
                throw new IllegalArgumentException("emit=changes on " + path + ": set stateField to the item field"
                        + " holding the state (e.g. stateField=state); the items of this operation ("
                        + op.pagination().itemType().getSimpleName() + ") have no state field of a waiter of the"
                        + " service");
            }
            if (op.id().equals(LIST_RUNS)) {
                return runEvents(endpoint, statePath).withStateValues(op);
            }
            return new ConsumerPlan(Kind.CHANGES, statePath, Set.of()).withStateValues(op);
        }
        List<WaitSpec> waiters = waitersPolling(op);
        if (waiters.isEmpty()) {
            throw new IllegalArgumentException(path + " cannot be consumed: only list operations (each item, or"
                    + " each change of an item's state) and operations that report an entity's state (followed until"
                    + " it is final, e.g. jobs/getRun) can. List operations of " + endpoint.getService() + ": "
                    + OperationLookup.listOperations(endpoint.getService()) + "; followable: "
                    + followable(endpoint.getService()));
        }
        String statePath = stateField != null ? stateField : waiters.get(0).statusPath();
        Set<String> terminal = new LinkedHashSet<>();
        if (blankToNull(endpoint.getTerminalStates()) != null) {
            terminal.addAll(DatabricksEndpoint.listOption(endpoint.getTerminalStates()));
        } else {
            for (WaitSpec waiter : waiters) {
                terminal.addAll(waiter.targetStates());
                terminal.addAll(waiter.failureStates());
            }
        }
        return new ConsumerPlan(Kind.FOLLOW, statePath, Set.copyOf(terminal));
    }

    /**
     * Run events: the listing must show active and completed runs (a filter on either would hide the transitions
     * into or out of it), and startFrom must be readable.
     */
    private static ConsumerPlan runEvents(DatabricksEndpoint endpoint, String statePath) {
        for (String field : List.of("active_only", "completed_only")) {
            JsonNode value = endpoint.requestAssembler().uriFields().get(field);
            if (value != null && value.asBoolean(false)) {
                throw new IllegalArgumentException("emit=changes on databricks:" + endpoint.getPath() + " lists"
                        + " active and completed runs itself to see every transition; remove the option " + field
                        + " (to react to some states only, filter on header " + DatabricksConstants.OBSERVED_STATE
                        + ")");
            }
        }
        RunEventCursor.initial(endpoint.getStartFrom(), () -> 0L);
        return new ConsumerPlan(Kind.RUN_EVENTS, statePath, RunEventWindow.FINAL_LIFE_CYCLE_STATES);
    }

    /** The waiters that poll {@code op}: they say which of its fields is the state, and which states are final. */
    static List<WaitSpec> waitersPolling(Operation<?, ?> op) {
        List<WaitSpec> waiters = new ArrayList<>();
        for (Operation<?, ?> candidate : OperationRegistry.all()) {
            if (candidate.hasWaiter() && candidate.waitSpec().pollOperationId().equals(op.id())
                    && waiters.stream().noneMatch(w -> w.statusPath().equals(candidate.waitSpec().statusPath())
                            && w.targetStates().equals(candidate.waitSpec().targetStates()))) {
                waiters.add(candidate.waitSpec());
            }
        }
        return waiters;
    }

    /** The status path of a waiter of the same service that the list's items have, or null. */
    static String defaultStatePath(Operation<?, ?> op) {
        JavaType itemType = MAPPER.constructType(op.pagination().itemType());
        for (Operation<?, ?> candidate : OperationRegistry.all()) {
            if (candidate.hasWaiter() && candidate.scope() == op.scope()
                    && candidate.packageName().equals(op.packageName())
                    && candidate.serviceName().equals(op.serviceName())
                    && hasPath(itemType, candidate.waitSpec().statusPath())) {
                return candidate.waitSpec().statusPath();
            }
        }
        return null;
    }

    /** The wire values of the enum (or open enum) at the dotted {@code path} of {@code type}; else empty. */
    static Set<String> stateValues(JavaType type, String path) {
        JavaType current = type;
        for (String part : path.split("\\.")) {
            if (current == null || current.isContainerType() || current.getRawClass().getName().startsWith("java.")) {
                return Set.of();
            }
            JavaType next = null;
            for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(current).findProperties()) {
                if (p.getName().equals(part)) {
                    next = p.getPrimaryType();
                    break;
                }
            }
            current = next;
        }
        if (current == null) {
            return Set.of();
        }
        List<?> constants;
        Class<?> raw = current.getRawClass();
        if (raw.isEnum()) {
            constants = List.of(raw.getEnumConstants());
        } else if (TypeNames.isOpenEnum(raw)) {
            try {
                constants = (List<?>) raw.getMethod("knownValues").invoke(null);
            } catch (ReflectiveOperationException | ClassCastException e) {
                return Set.of();
            }
        } else {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object constant : constants) {
            values.add(MAPPER.valueToTree(constant).asText());
        }
        return Set.copyOf(values);
    }

    /** Whether the JSON of {@code type} has a scalar at the dotted {@code path}. */
    static boolean hasPath(JavaType type, String path) {
        JavaType current = type;
        for (String part : path.split("\\.")) {
            if (current == null || current.isContainerType() || current.isPrimitive()
                    || current.getRawClass().getName().startsWith("java.")) {
                return false;
            }
            JavaType next = null;
            for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(current).findProperties()) {
                if (p.getName().equals(part)) {
                    next = p.getPrimaryType();
                    break;
                }
            }
            current = next;
        }
        return current != null && !current.isContainerType() && (current.isPrimitive() || current.isEnumType()
                || current.getRawClass().getName().startsWith("java.")
                || MAPPER.getSerializationConfig().introspect(current).findProperties().isEmpty()
                || TypeNames.isOpenEnum(current.getRawClass()));
    }

    private static String followable(String service) {
        List<String> names = new ArrayList<>();
        for (Operation<?, ?> op : OperationRegistry.all()) {
            if (OperationLookup.serviceName(op).equals(service) && !waitersPolling(op).isEmpty()) {
                names.add(op.methodName());
            }
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
