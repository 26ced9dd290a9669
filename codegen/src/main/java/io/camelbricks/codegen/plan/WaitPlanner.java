package io.camelbricks.codegen.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelbricks.codegen.spec.SpecException;
import io.camelbricks.codegen.spec.WaitDef;

/**
 * Resolves {@code x-databricks-wait}: the poll operation and its entity type, each poll argument's source field
 * and target field (as wire names), and the status and message paths in the polled entity.
 * <p>
 * A poll argument's target is the poll request field of the same name (loosely matched, see
 * {@link FieldResolver}). When there is none, and exactly one argument and exactly one poll parameter are left
 * unmatched, they are paired ({@code CommandExecution.execute}: {@code response.id} → {@code commandId};
 * {@code VectorSearchEndpoints.createEndpoint}: {@code response.name} → {@code endpoint_name}); anything else is
 * a generation error.
 */
public final class WaitPlanner {

    private static final Pattern TIMEOUT = Pattern.compile("(\\d+)([smh])");

    private final ModelPlanner models;
    private final List<String> notes = new ArrayList<>();

    public WaitPlanner(ModelPlanner models) {
        this.models = models;
    }

    public WaitPlan plan(OperationPlan op, Map<String, OperationPlan> byId) {
        WaitDef w = op.def().waiter();
        if (w == null) {
            return null;
        }
        String id = op.def().id();
        OperationPlan poll = byId.get(w.pollOperation());
        if (poll == null || poll.def().scope() != op.def().scope()) {
            throw new SpecException(id + ": poll operation " + w.pollOperation() + " does not exist in its scope");
        }
        if (poll.responseBean() == null) {
            throw new SpecException(id + ": poll operation " + w.pollOperation() + " answers no JSON object");
        }
        if (poll.requestBean() == null) {
            throw new SpecException(id + ": poll operation " + w.pollOperation() + " takes no request");
        }

        // candidate poll fields: its caller parameters, or (without any) the fields of its request
        Set<BeanField> candidates = new LinkedHashSet<>();
        for (ParamPlan p : poll.params()) {
            if (p.field() != null) {
                candidates.add(p.field());
            }
        }
        if (candidates.isEmpty()) {
            candidates.addAll(poll.requestBean().allFields());
        }

        int n = w.pollArgumentsFrom().size();
        String[] sources = new String[n];
        BeanField[] targets = new BeanField[n];
        Set<BeanField> unmatched = new LinkedHashSet<>(candidates);
        for (int i = 0; i < n; i++) {
            String arg = w.pollArgumentsFrom().get(i);
            int dot = arg.indexOf('.');
            String side = dot < 0 ? "" : arg.substring(0, dot);
            String name = arg.substring(dot + 1);
            BeanClass bean = switch (side) {
                case "request" -> op.requestBean();
                case "response" -> op.responseBean();
                default -> throw new SpecException(id + ": poll argument " + arg + " is not request.x or response.y");
            };
            BeanField source = FieldResolver.resolve(bean, name);
            if (source == null) {
                throw new SpecException(id + ": poll argument " + arg + " names no field of the " + side);
            }
            sources[i] = side + "." + source.wireName();
            BeanField target = FieldResolver.resolve(poll.requestBean(), name);
            if (target != null && unmatched.remove(target)) {
                targets[i] = target;
            }
        }
        for (int i = 0; i < n; i++) {
            if (targets[i] == null) {
                long open = java.util.Arrays.stream(targets).filter(t -> t == null).count();
                if (open != 1 || unmatched.size() != 1) {
                    throw new SpecException(id + ": cannot tell which field of " + w.pollOperation()
                            + " the poll argument " + w.pollArgumentsFrom().get(i) + " feeds");
                }
                targets[i] = unmatched.iterator().next();
                unmatched.clear();
                notes.add(id + ": poll argument " + w.pollArgumentsFrom().get(i) + " feeds " + w.pollOperation()
                        + "'s only remaining parameter " + targets[i].wireName());
            }
        }
        List<String> pollFields = new ArrayList<>();
        for (BeanField t : targets) {
            pollFields.add(t.wireName());
        }

        String statusPath = path(id, poll.responseBean(), w.statusPath());
        String messagePath = w.messagePath() == null ? null : path(id, poll.responseBean(), w.messagePath());
        return new WaitPlan(w.pollOperation(), poll.responseType(), List.of(sources), List.copyOf(pollFields),
                statusPath, w.targetStates(), w.failureStates(), messagePath, timeout(id, w.defaultTimeout()));
    }

    /** A dotted path resolved, segment by segment, to wire names through nested models. */
    private String path(String id, BeanClass entity, String dotted) {
        StringBuilder out = new StringBuilder();
        BeanClass bean = entity;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            BeanField f = FieldResolver.resolve(bean, parts[i]);
            if (f == null) {
                throw new SpecException(id + ": wait path " + dotted + ": " + parts[i] + " is not a field of "
                        + (bean == null ? "a non-object" : bean.type().simpleName()));
            }
            out.append(i == 0 ? "" : ".").append(f.wireName());
            bean = models.model(f.type());
        }
        return out.toString();
    }

    /** {@code 20m}, {@code 120m}, {@code 30s}, {@code 2h}; absent means 20 minutes. */
    public static Duration timeout(String id, String text) {
        if (text == null) {
            return Duration.ofMinutes(20);
        }
        Matcher m = TIMEOUT.matcher(text.trim());
        if (!m.matches()) {
            throw new SpecException(id + ": cannot read default_timeout " + text);
        }
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(v);
            case "m" -> Duration.ofMinutes(v);
            default -> Duration.ofHours(v);
        };
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
