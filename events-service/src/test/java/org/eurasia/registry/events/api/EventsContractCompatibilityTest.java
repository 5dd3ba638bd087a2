package org.eurasia.registry.events.api;

import org.eurasia.registry.platform.testing.ContractCompatibilityTest;

class EventsContractCompatibilityTest extends ContractCompatibilityTest {}
