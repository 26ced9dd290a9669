package io.camelbricks.camel;

import org.apache.camel.spi.Metadata;

/** The headers of the Databricks component. */
public final class DatabricksConstants {

    @Metadata(label = "producer", description = "Prefix of headers that set request fields: a header"
            + " CamelDatabricks.<field> (camelCase or snake_case, e.g. CamelDatabricks.runId) sets that field of the"
            + " request. Headers win over URI options, which win over the body.", javaType = "Object")
    public static final String REQUEST_FIELD_HEADER_PREFIX = "CamelDatabricks.";

    @Metadata(description = "The operation the exchange ran, as in the URI: service/operation (e.g. jobs/submit,"
            + " account/groups/list).", javaType = "String")
    public static final String OPERATION = "CamelDatabricksOperation";

    @Metadata(description = "The run_id of the response, polled run or listed item.", javaType = "Long")
    public static final String RUN_ID = "CamelDatabricksRunId";

    @Metadata(description = "The job_id of the response, polled entity or listed item.", javaType = "Long")
    public static final String JOB_ID = "CamelDatabricksJobId";

    @Metadata(description = "The cluster_id of the response, polled cluster or listed item.", javaType = "String")
    public static final String CLUSTER_ID = "CamelDatabricksClusterId";

    @Metadata(description = "The statement_id of a SQL statement execution.", javaType = "String")
    public static final String STATEMENT_ID = "CamelDatabricksStatementId";

    @Metadata(description = "A run's state.life_cycle_state (PENDING, RUNNING, TERMINATED, SKIPPED, INTERNAL_ERROR,"
            + " ...).", javaType = "String")
    public static final String LIFE_CYCLE_STATE = "CamelDatabricksLifeCycleState";

    @Metadata(description = "A run's state.result_state (SUCCESS, FAILED, TIMEDOUT, CANCELED, ...).",
              javaType = "String")
    public static final String RESULT_STATE = "CamelDatabricksResultState";

    @Metadata(description = "The plain state of the entity: state when it is text (clusters, warehouses, pipelines),"
            + " else status.state (SQL statements, runs).", javaType = "String")
    public static final String STATE = "CamelDatabricksState";

    @Metadata(description = "On failure: the HTTP status code Databricks answered.", javaType = "Integer")
    public static final String STATUS_CODE = "CamelDatabricksStatusCode";

    @Metadata(description = "On failure: the Databricks error_code (e.g. RESOURCE_DOES_NOT_EXIST,"
            + " INVALID_PARAMETER_VALUE).", javaType = "String")
    public static final String ERROR_CODE = "CamelDatabricksErrorCode";

    /**
     * Exchange property holding the idempotency token used for operations that take one (e.g. jobs/submit), so that
     * a redelivery of the same exchange cannot start a second run.
     */
    public static final String IDEMPOTENCY_TOKEN_PROPERTY = "CamelDatabricksIdempotencyToken";

    private DatabricksConstants() {
    }
}
