package org.eurasia.registry.agreements;

import org.eurasia.registry.platform.testing.LayeringTest;

class AgreementsLayeringTest extends LayeringTest {

  @Override
  protected String basePackage() {
    return "org.eurasia.registry.agreements";
  }
}
