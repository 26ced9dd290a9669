package io.camelbricks.camel;

import org.apache.camel.spi.Metadata;

/** The headers of the Databricks component. */
public final class DatabricksConstants {

    // ---------------------------------------------------------------- headers the producer reads

    @Metadata(label = "producer", description = "Prefix of headers that set request fields: a header"
            + " CamelDatabricks.FIELD (camelCase or snake_case, e.g. CamelDatabricks.runId) sets that field of the"
            + " request. Headers win over URI options, which win over the body.", javaType = "Object")
    public static final String REQUEST_FIELD_HEADER_PREFIX = "CamelDatabricks.";

    @Metadata(label = "producer", description = "A business key (e.g. an order id) from which the idempotency_token"
            + " of jobs/submit, jobs/runNow, ... is derived instead of from the exchange: messages with the same key"
            + " and request start one run, even across exchanges and restarts.", javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelDatabricksIdempotencyKey";

    @Metadata(label = "producer", description = "jobs/submit or jobs/runNow with wait=true: wait on this run (e.g."
            + " one a crashed route started, its id kept in a repository) instead of starting a new one.",
              javaType = "Long")
    public static final String REATTACH_RUN_ID = "CamelDatabricksReattachRunId";

    // ---------------------------------------------------------------- headers the producer and consumer set

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

    @Metadata(description = "The pipeline_id of a pipeline, update or listed item.", javaType = "String")
    public static final String PIPELINE_ID = "CamelDatabricksPipelineId";

    @Metadata(description = "A run's state.life_cycle_state (PENDING, RUNNING, TERMINATED, SKIPPED, INTERNAL_ERROR,"
            + " ...).", javaType = "String")
    public static final String LIFE_CYCLE_STATE = "CamelDatabricksLifeCycleState";

    @Metadata(description = "A run's state.result_state (SUCCESS, FAILED, TIMEDOUT, CANCELED, ...).",
              javaType = "String")
    public static final String RESULT_STATE = "CamelDatabricksResultState";

    @Metadata(description = "The plain state of the entity: state when it is text (clusters, warehouses, pipelines),"
            + " else status.state (SQL statements, runs).", javaType = "String")
    public static final String STATE = "CamelDatabricksState";

    @Metadata(description = "The human-readable state message: a run's state.state_message, a cluster's"
            + " state_message, a statement's status.error.message, or the waiter's message field.",
              javaType = "String")
    public static final String STATE_MESSAGE = "CamelDatabricksStateMessage";

    @Metadata(description = "Why the entity ended: a run's status.termination_details.code (SUCCESS,"
            + " RUN_EXECUTION_ERROR, USER_CANCELED, ...) or a cluster's termination_reason.code.", javaType = "String")
    public static final String TERMINATION_CODE = "CamelDatabricksTerminationCode";

    @Metadata(description = "The kind of ending: a run's status.termination_details.type (SUCCESS, CLIENT_ERROR,"
            + " INTERNAL_ERROR, CLOUD_FAILURE) or a cluster's termination_reason.type.", javaType = "String")
    public static final String TERMINATION_TYPE = "CamelDatabricksTerminationType";

    @Metadata(description = "The run_page_url of a run: where a person sees it in the workspace.",
              javaType = "String")
    public static final String RUN_PAGE_URL = "CamelDatabricksRunPageUrl";

    @Metadata(label = "producer", description = "With wait=true: true when waitTimeout elapsed before a final state"
            + " (set with onWaitTimeout=continue, where the exchange goes on, and on the failed exchange otherwise).",
              javaType = "Boolean")
    public static final String WAIT_TIMED_OUT = "CamelDatabricksWaitTimedOut";

    @Metadata(description = "The HTTP status code Databricks answered (of the call itself; a wait's polls do not"
            + " change it), also on failure.", javaType = "Integer")
    public static final String STATUS_CODE = "CamelDatabricksStatusCode";

    @Metadata(description = "How many times the client retried the call itself (429, 5xx, connection errors, a"
            + " re-authentication) before the answer of CamelDatabricksStatusCode, also when that answer is an error;"
            + " 0 when the first attempt answered. For tracing and metrics tags, with CamelDatabricksOperation.",
              javaType = "Integer")
    public static final String RETRIES = "CamelDatabricksRetries";

    @Metadata(description = "On failure: the Databricks error_code (e.g. RESOURCE_DOES_NOT_EXIST,"
            + " INVALID_PARAMETER_VALUE).", javaType = "String")
    public static final String ERROR_CODE = "CamelDatabricksErrorCode";

    @Metadata(label = "producer", description = "With wait=true, when the awaited entity ended in a failure state"
            + " (DatabricksOperationFailedException): that state, e.g. INTERNAL_ERROR, FAILED or SKIPPED.",
              javaType = "String")
    public static final String FAILED_STATE = "CamelDatabricksFailedState";

    @Metadata(description = "The path of the file a file operation wrote or read (files/upload, files/download,"
            + " dbfs/upload, dbfs/download) or a file consumer emits.", javaType = "String")
    public static final String FILE_PATH = "CamelDatabricksFilePath";

    @Metadata(label = "producer", description = "statementExecution/executeStatement with outputType=rows or list:"
            + " the result manifest (schema, row and chunk counts).",
              javaType = "io.camelbricks.api.service.sql.ResultManifest")
    public static final String RESULT_MANIFEST = "CamelDatabricksResultManifest";

    @Metadata(label = "producer", description = "statementExecution/executeStatement with outputType=rows or list:"
            + " the column names of the result, in order.", javaType = "java.util.List<String>")
    public static final String COLUMN_NAMES = "CamelDatabricksColumnNames";

    @Metadata(label = "producer", description = "statementExecution/executeStatement with outputType=rows or list:"
            + " the total number of result rows (-1 when the manifest does not say).", javaType = "Long")
    public static final String ROW_COUNT = "CamelDatabricksRowCount";

    @Metadata(label = "producer", description = "With wait=true and repairAttempts: how many times the run was"
            + " repaired before it ended.", javaType = "Integer")
    public static final String REPAIR_COUNT = "CamelDatabricksRepairCount";

    @Metadata(label = "producer", description = "With wait=true, when a job run failed: the keys of its failed tasks.",
              javaType = "java.util.List<String>")
    public static final String FAILED_TASKS = "CamelDatabricksFailedTasks";

    // ---------------------------------------------------------------- headers the consumer sets

    @Metadata(label = "consumer", description = "The identity under which the consumer remembers the item, e.g."
            + " run_id=5000000001.", javaType = "String")
    public static final String ITEM_KEY = "CamelDatabricksItemKey";

    @Metadata(label = "consumer", description = "With emit=changes: the item's state that this exchange reports.",
              javaType = "String")
    public static final String OBSERVED_STATE = "CamelDatabricksObservedState";

    @Metadata(label = "consumer", description = "With emit=changes: the state the consumer saw before, when it saw"
            + " one since it started (null for a new item, or after a restart).", javaType = "String")
    public static final String PREVIOUS_STATE = "CamelDatabricksPreviousState";

    /**
     * Exchange property holding the random base of the idempotency tokens of an exchange (see
     * {@link #IDEMPOTENCY_KEY}), so that a redelivery of the same exchange cannot start a second run.
     */
    public static final String IDEMPOTENCY_TOKEN_PROPERTY = "CamelDatabricksIdempotencyToken";

    private DatabricksConstants() {
    }
}
