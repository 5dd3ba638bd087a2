package org.eurasia.registry.agreements.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eurasia.registry.platform.events.IgnoredEvents;

/** Test-only ignore list: probe events of this type are deliberately left alone. */
@ApplicationScoped
public class ProbeIgnoredEvents extends IgnoredEvents {

  static final String IGNORED = "registry.test.ignored.v1";

  public ProbeIgnoredEvents() {
    super(Map.of(IGNORED, "proves an ignored type is marked processed and changes nothing"));
  }
}
