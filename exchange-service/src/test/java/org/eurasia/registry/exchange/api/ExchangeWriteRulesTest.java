package org.eurasia.registry.exchange.api;

import org.eurasia.registry.platform.testing.WriteRulesTest;

class ExchangeWriteRulesTest extends WriteRulesTest {}
