package io.camelbricks.camel.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import io.camelbricks.camel.DatabricksComponent;

/**
 * Applies the {@code camel.component.databricks.*} properties to the {@code databricks} component when Camel
 * creates it, as every Camel Spring Boot starter does: through a {@link ComponentCustomizer} that copies the
 * options that are set onto the component (through its generated configurer, so {@code host}, {@code token}, ...
 * land in the component's {@code DatabricksConfiguration}).
 * <p>
 * Switched off with {@code camel.component.databricks.enabled=false} (or {@code camel.component.enabled=false}),
 * and the customizer alone with {@code camel.component.databricks.customizer.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, DatabricksComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, DatabricksComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.databricks"})
public class DatabricksComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final DatabricksComponentConfiguration configuration;

    public DatabricksComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            DatabricksComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureDatabricksComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.databricks.customizer")
                        && target instanceof DatabricksComponent;
            }
        };
    }
}
