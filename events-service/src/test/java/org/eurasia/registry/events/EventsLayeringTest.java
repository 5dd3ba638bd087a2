package org.eurasia.registry.events;

import org.eurasia.registry.platform.testing.LayeringTest;

class EventsLayeringTest extends LayeringTest {

  @Override
  protected String basePackage() {
    return "org.eurasia.registry.events";
  }
}
