package org.eurasia.registry.agreements.webhooks;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile of the webhook tests: receivers on loopback are allowed (and plain http), and
 * the retry schedule takes seconds instead of a day.
 */
public class WebhookReceivers implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "registry.webhooks.allowed-targets", "127.0.0.0/8,::1/128",
        "registry.webhooks.require-https", "false",
        "registry.webhooks.retry-schedule", "200ms,500ms,1s,2s",
        "registry.webhooks.dispatcher.request-timeout", "5s",
        "registry.webhooks.dispatcher.lease", "10s",
        "registry.webhooks.max-subscriptions-per-organization", "50");
  }
}
