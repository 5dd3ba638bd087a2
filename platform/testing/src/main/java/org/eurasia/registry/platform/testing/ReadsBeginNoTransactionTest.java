package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arjuna.ats.arjuna.common.CoordinatorEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TxStats;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A read begins no database transaction: a GET runs outside one, on a read-only session
 * (ReadOnlyReads). A permission check left under its service's class-wide {@code @Transactional}
 * began and committed one on every read of an event, a tenth of that read's time (issue 23), and
 * nothing else would have shown it. Every GET of the committed contract, its path and required
 * query parameters filled from their examples (the demo data the seed holds), is sent anonymously
 * and as a registrar; Narayana's own statistics count the transactions begun meanwhile. A consumer
 * or a scheduled job may begin one in the same moment, so a read counts as beginning one only when
 * every one of three attempts did.
 */
public abstract class ReadsBeginNoTransactionTest {

  private static final int ATTEMPTS = 3;

  /**
   * Reads whose anonymous calls run in a transaction by design, by operationId: the expensive reads
   * (searches, counts) ExpensiveReads bounds for the public with {@code SET LOCAL
   * statement_timeout}, which only a transaction holds. Their calls with a partner's or registrar's
   * token are checked all the same.
   */
  protected Set<String> boundedForThePublic() {
    return Set.of();
  }

  @Test
  void noReadBeginsATransaction() {
    CoordinatorEnvironmentBean coordinator = arjPropertyManager.getCoordinatorEnvironmentBean();
    boolean statistics = coordinator.isEnableStatistics();
    coordinator.setEnableStatistics(true);
    try {
      Map<String, String> reads = reads(CommittedContract.read());
      assertTrue(reads.size() >= 5, "too few GET operations found: " + reads.keySet());
      List<String> beginning = new ArrayList<>();
      int answered = 0;
      for (Map.Entry<String, String> read : reads.entrySet()) {
        for (String token : new String[] {null, TestTokens.registrar()}) {
          int began = 0;
          for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long before = TxStats.getInstance().getNumberOfTransactions();
            RequestSpecification request = given().accept("*/*");
            if (token != null) {
              request.auth().oauth2(token);
            }
            int status = request.get(read.getValue()).statusCode();
            if (status == 200) {
              answered++;
            }
            if (TxStats.getInstance().getNumberOfTransactions() > before) {
              began++;
            }
          }
          if (began == ATTEMPTS
              && !(token == null && boundedForThePublic().contains(read.getKey()))) {
            beginning.add(read.getKey() + (token == null ? " (anonymous)" : " (registrar)"));
          }
        }
      }
      // The examples must reach real records, or the reads checked would be only 404s.
      assertTrue(answered >= reads.size(), "too few reads answered 200: " + answered);
      assertEquals(List.of(), beginning, "reads that begin a transaction");
    } finally {
      coordinator.setEnableStatistics(statistics);
    }
  }

  /** operationId → URL of every GET, path and required query parameters filled. */
  private Map<String, String> reads(CommittedContract contract) {
    Map<String, String> reads = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = contract.root().path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().path("get");
      String operationId = get.path("operationId").asText();
      if (get.isMissingNode()) {
        continue;
      }
      reads.put(operationId, contract.exampleUrl(path.getKey(), get, Map.of()));
    }
    return reads;
  }
}
