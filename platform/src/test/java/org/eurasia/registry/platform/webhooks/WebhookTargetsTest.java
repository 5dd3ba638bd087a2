package org.eurasia.registry.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard: every internal range is refused, however it is spelled, unless the allow-list
 * admits it; only http(s) without credentials. DNS is replaced: {@code *.test} names resolve to the
 * address their first label spells.
 */
class WebhookTargetsTest {

  private static final WebhookTargets.Resolver FAKE_DNS =
      host -> {
        if (host.equals("public.test")) {
          return new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        }
        if (host.equals("split.test")) {
          // One public and one internal address: the client might pick either.
          return new InetAddress[] {
            InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")
          };
        }
        if (host.equals("metadata.test")) {
          return new InetAddress[] {InetAddress.getByName("169.254.169.254")};
        }
        if (host.endsWith(".test")) {
          throw new UnknownHostException(host);
        }
        return InetAddress.getAllByName(host);
      };

  private final WebhookTargets strict = new WebhookTargets(List.of(), true, FAKE_DNS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://127.8.9.10/hook",
        "https://[::1]/hook",
        "https://0.0.0.0/hook",
        "https://[::]/hook",
        "https://10.0.0.1/hook",
        "https://172.16.0.1/hook",
        "https://172.31.255.254/hook",
        "https://192.168.1.1/hook",
        "https://[fc00::1]/hook",
        "https://[fd12:3456::1]/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://metadata.test/latest/meta-data",
        "https://[fe80::1]/hook",
        "https://224.0.0.1/hook",
        "https://[ff02::1]/hook",
        "https://100.64.0.1/hook",
        "https://100.127.255.254/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[::ffff:169.254.169.254]/hook",
        "https://[64:ff9b::a00:1]/hook",
        "https://[2002:a00:1::]/hook",
        "https://split.test/hook",
        "https://2130706433/hook",
        "https://0x7f000001/hook"
      })
  void internalAddressesAreRefused(String url) {
    assertThrows(WebhookTargets.Refused.class, () -> strict.check(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://public.test/hook",
        "ftp://public.test/hook",
        "file:///etc/passwd",
        "https://user:pass@public.test/hook",
        "https://nowhere.test/hook",
        "https:///hook",
        "not a url",
        "https://public.test/hook#fragment"
      })
  void malformedInsecureOrUnresolvableUrlsAreRefused(String url) {
    assertThrows(WebhookTargets.Refused.class, () -> strict.check(url), url);
  }

  @Test
  void aPublicHttpsTargetIsAdmitted() {
    assertDoesNotThrow(() -> strict.check("https://public.test/registry/hooks?x=1"));
    assertDoesNotThrow(() -> strict.check("https://93.184.216.34:8443/hook"));
    assertDoesNotThrow(() -> strict.check("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"));
  }

  @Test
  void theAllowListAdmitsItsRangesAndNoOther() throws Exception {
    WebhookTargets local = new WebhookTargets(List.of("127.0.0.0/8", "::1/128"), false, FAKE_DNS);
    assertTrue(local.check("http://127.0.0.1:8080/hook").size() == 1);
    assertDoesNotThrow(() -> local.check("http://[::1]:8080/hook"));
    assertDoesNotThrow(() -> local.check("http://[::ffff:127.0.0.1]:8080/hook"));
    assertThrows(WebhookTargets.Refused.class, () -> local.check("http://10.0.0.1/hook"));
    assertThrows(WebhookTargets.Refused.class, () -> local.check("http://169.254.169.254/latest"));
  }

  @Test
  void httpIsAdmittedOnlyWhenHttpsIsNotRequired() {
    WebhookTargets lax = new WebhookTargets(List.of(), false, FAKE_DNS);
    assertDoesNotThrow(() -> lax.check("http://public.test/hook"));
    assertThrows(WebhookTargets.Refused.class, () -> strict.check("http://public.test/hook"));
  }
}
