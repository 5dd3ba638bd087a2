package org.eurasia.registry.exchange.api;

import org.eurasia.registry.platform.testing.ContractCompatibilityTest;

class ExchangeContractCompatibilityTest extends ContractCompatibilityTest {}
