package org.eurasia.registry.platform.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON nested deeper than {@link #MAX_JSON_DEPTH} levels is refused by the parser as malformed
 * (400), before it costs memory or stack: no request body of the registry nests deeper than a
 * handful of levels.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

  public static final int MAX_JSON_DEPTH = 32;

  @Override
  public void customize(ObjectMapper mapper) {
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build());
  }
}
