package org.eurasia.registry.events.api;

import org.eurasia.registry.platform.testing.WriteRulesTest;

class EventsWriteRulesTest extends WriteRulesTest {}
