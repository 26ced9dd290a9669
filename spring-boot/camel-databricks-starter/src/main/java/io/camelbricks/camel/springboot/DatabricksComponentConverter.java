package io.camelbricks.camel.springboot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import io.camelbricks.api.AccountClient;
import io.camelbricks.api.ApiClient;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.camel.DatabricksConfiguration;

/**
 * Binds the object-valued options of {@code camel.component.databricks.*} to beans of the application context:
 * {@code camel.component.databricks.api-client=#myClient} (or {@code #bean:myClient}) takes the bean named
 * {@code myClient}. A value that is not a bean reference is refused with a message saying what is accepted.
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class DatabricksComponentConverter implements GenericConverter {

    /** The option types that take a bean reference. */
    static final List<Class<?>> BEAN_TYPES = List.of(DatabricksConfiguration.class, ApiClient.class,
            WorkspaceClient.class, AccountClient.class, CredentialsProvider.class, SSLContextParameters.class);

    private final ApplicationContext applicationContext;

    public DatabricksComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
        for (Class<?> type : BEAN_TYPES) {
            pairs.add(new ConvertiblePair(String.class, type));
        }
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("'" + reference + "' is not a bean reference: a "
                    + targetType.getType().getSimpleName() + " option takes #beanName or #bean:beanName");
        }
        String name = reference.startsWith("#bean:") ? reference.substring(6) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
