package io.camelbricks.codegen.plan;

import java.util.List;

/**
 * The response of a streaming (octet-stream / text) operation or of one that answers only headers: a bean with a
 * {@code contents} stream (empty for HEAD) and one field per declared header.
 *
 * @param bean     the holder class
 * @param contents the stream field
 * @param headers  header fields (their wire name is the header name)
 */
public record BinaryResponseClass(BeanClass bean, BeanField contents, List<BeanField> headers) {
}
