package io.camelbricks.api.testing;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Small hand-written request/response shapes for testing the wire rules independently of the generated models. */
public final class TestModels {
    private TestModels() {
    }

    /** An open enum as the generator emits them: serialised as its wire value. */
    public record Color(String value) {
        @JsonValue
        public String value() {
            return value;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Nested {
        @JsonProperty("start_time")
        public Long startTime;
        @JsonProperty("end_time")
        public Long endTime;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Req {
        @JsonProperty("name") public String name;
        @JsonProperty("file_path") public String filePath;
        @JsonProperty("run_id") public Long runId;
        @JsonProperty("flag") public Boolean flag;
        @JsonProperty("tags") public List<String> tags;
        @JsonProperty("range") public Nested range;
        @JsonProperty("color") public Color color;
        @JsonProperty("page_token") public String pageToken;
        @JsonProperty("start_index") public Long startIndex;
        @JsonProperty("page") public Long page;
        @JsonProperty("run_name") public String runName;
        @JsonProperty("idempotency_token") public String idempotencyToken;
        @JsonIgnore public InputStream contents;

        public Long getRunId() { return runId; }
        public String getName() { return name; }
        public String getFilePath() { return filePath; }
        public String getIdempotencyToken() { return idempotencyToken; }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Item {
        @JsonProperty("id") public String id;
        @JsonProperty("name") public String name;

        public Item() {
        }

        public Item(String id) {
            this.id = id;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Page {
        @JsonProperty("items") public List<Item> items;
        @JsonProperty("next_page_token") public String nextPageToken;
        @JsonProperty("next_page") public Req nextPage;
    }
}
