package org.eurasia.registry.exchange;

import org.eurasia.registry.platform.testing.LayeringTest;

class ExchangeLayeringTest extends LayeringTest {

  @Override
  protected String basePackage() {
    return "org.eurasia.registry.exchange";
  }
}
