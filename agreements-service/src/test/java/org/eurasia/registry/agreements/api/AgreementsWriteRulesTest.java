package org.eurasia.registry.agreements.api;

import org.eurasia.registry.platform.testing.WriteRulesTest;

class AgreementsWriteRulesTest extends WriteRulesTest {}
