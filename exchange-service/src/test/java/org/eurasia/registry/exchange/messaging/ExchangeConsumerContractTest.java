package org.eurasia.registry.exchange.messaging;

import org.eurasia.registry.platform.testing.ConsumerContractTest;

/** Every event type on the topics this service reads is applied here or ignored with a reason. */
class ExchangeConsumerContractTest extends ConsumerContractTest {

  @Override
  protected String basePackage() {
    return "org.eurasia.registry.exchange";
  }
}
