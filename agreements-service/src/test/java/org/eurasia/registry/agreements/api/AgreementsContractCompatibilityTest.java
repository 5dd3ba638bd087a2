package org.eurasia.registry.agreements.api;

import org.eurasia.registry.platform.testing.ContractCompatibilityTest;

class AgreementsContractCompatibilityTest extends ContractCompatibilityTest {}
