package io.camelbricks.codegen.naming;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelbricks.codegen.spec.Scope;
import io.camelbricks.codegen.spec.ServiceDef;
import io.camelbricks.codegen.spec.SpecException;

/**
 * The accessor of a service: the client method ({@code w.jobs()}) and the Camel service name
 * ({@code databricks:jobs/submit}).
 * <ul>
 * <li>lowerCamel of the service name, lower-casing only the first character: {@code Jobs} → {@code jobs},
 * {@code StatementExecution} → {@code statementExecution}, {@code ServicePrincipalsV2} →
 * {@code servicePrincipalsV2}, {@code OAuthPublishedApps} → {@code oAuthPublishedApps};</li>
 * <li>for account services a leading {@code Account} is dropped when an upper-case letter follows it
 * ({@code AccountGroups} → {@code groups}, {@code AccountUsersV2} → {@code usersV2}; {@code Workspaces} →
 * {@code workspaces});</li>
 * <li>an accessor must be unique within its scope and must not be a Java keyword or a method every client has
 * ({@code apiClient}, {@code Object} methods); otherwise generation fails.</li>
 * </ul>
 */
public final class ServiceAccessors {

    private static final Set<String> FORBIDDEN = Set.of("apiClient", "getClass", "hashCode", "equals", "toString",
            "clone", "finalize", "notify", "notifyAll", "wait");

    private ServiceAccessors() {
    }

    /** The accessor of one service (no uniqueness check). */
    public static String accessor(String serviceName, Scope scope) {
        String name = serviceName;
        if (scope == Scope.ACCOUNT && name.startsWith("Account") && name.length() > "Account".length()
                && Character.isUpperCase(name.charAt("Account".length()))) {
            name = name.substring("Account".length());
        }
        String accessor = JavaNames.decapitalize(name);
        if (!accessor.matches("[a-z][A-Za-z0-9]*") || JavaNames.KEYWORDS.contains(accessor)
                || FORBIDDEN.contains(accessor)) {
            throw new SpecException("service " + serviceName + " gives the unusable accessor name " + accessor);
        }
        return accessor;
    }

    /** Accessors of all services keyed by service key ({@code jobs.Jobs}); fails on a clash within a scope. */
    public static Map<String, String> assign(List<ServiceDef> services) {
        Map<String, String> byService = new LinkedHashMap<>();
        Map<Scope, Map<String, String>> taken = new HashMap<>();
        for (ServiceDef s : services) {
            String accessor = accessor(s.name(), s.scope());
            String previous = taken.computeIfAbsent(s.scope(), k -> new HashMap<>()).putIfAbsent(accessor, s.key());
            if (previous != null) {
                throw new SpecException("services " + previous + " and " + s.key() + " both map to the "
                        + s.scope().name().toLowerCase() + " accessor " + accessor);
            }
            byService.put(s.key(), accessor);
        }
        return byService;
    }
}
