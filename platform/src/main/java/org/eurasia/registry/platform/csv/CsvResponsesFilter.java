package org.eurasia.registry.platform.csv;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Describes the {@code text/csv} form of list and statistics answers as what it is — text, one
 * header row — rather than the JSON schema the scanner copies into every media type, and declares
 * the {@code Link: rel="next"} header that continues a CSV answer cut at its row ceiling.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CsvResponsesFilter implements OASFilter {

  static final String DESCRIPTION =
      "UTF-8 with a byte-order mark, one header row, RFC 4180 quoting. Nested members are dotted "
          + "columns (a multilingual text gives one column per language, `title.en`), lists are "
          + "joined with `;`. At most the caller's row ceiling per answer (`limit` when given); "
          + "the `Link: rel=\"next\"` header continues it.";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        if (operation.getResponses() == null) {
          continue;
        }
        for (Map.Entry<String, APIResponse> entry :
            operation.getResponses().getAPIResponses().entrySet()) {
          APIResponse response = entry.getValue();
          if (response.getContent() == null
              || response.getContent().getMediaType(CsvExport.TEXT_CSV) == null) {
            continue;
          }
          MediaType csv = OASFactory.createMediaType();
          csv.setSchema(
              OASFactory.createSchema().addType(SchemaType.STRING).description(DESCRIPTION));
          response.getContent().addMediaType(CsvExport.TEXT_CSV, csv);
          response.addHeader(
              "Link",
              OASFactory.createHeader()
                  .description(
                      "`<…>; rel=\"next\"`: the next rows of a CSV answer, with the same filters;"
                          + " absent on the last. Sent with `text/csv` answers only (OpenAPI ties"
                          + " headers to a status, not to a media type); a JSON answer links its"
                          + " next page in its body (`next`).")
                  .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        }
      }
    }
  }
}
