package org.eurasia.registry.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The signer agrees with the Standard Webhooks specification's libraries. */
class WebhookSignatureTest {

  @Test
  void signsTheSpecificationsTestVectorAsItsLibrariesDo() {
    // standard-webhooks/standard-webhooks, libraries/*/ (TestWebhookSign and its kin).
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        WebhookSignature.sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330L,
            "{\"test\": 2432232314}"));
  }

  @Test
  void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String signature = WebhookSignature.sign(secret, "msg_1", 1614265330L, "{}");
    assertNotEquals(signature, WebhookSignature.sign(secret, "msg_2", 1614265330L, "{}"));
    assertNotEquals(signature, WebhookSignature.sign(secret, "msg_1", 1614265331L, "{}"));
    assertNotEquals(signature, WebhookSignature.sign(secret, "msg_1", 1614265330L, "{ }"));
  }

  @Test
  void newSecretsAreThirtyTwoRandomBytesShownAsWhsec() {
    String secret = WebhookSignature.newSecret();
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
    assertNotEquals(secret, WebhookSignature.newSecret());
  }
}
