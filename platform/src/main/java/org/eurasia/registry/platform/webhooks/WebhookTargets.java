package org.eurasia.registry.platform.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs a webhook may call: http(s) without credentials, to a host whose every address is
 * public. Loopback, private, link-local (the cloud metadata address among them), unspecified,
 * multicast, carrier-grade NAT and reserved ranges are refused, also when spelled as an
 * IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address, unless the address lies in an allowed CIDR
 * range. The check runs at registration and again before every attempt, so a DNS change cannot turn
 * a registered target inward.
 */
public final class WebhookTargets {

  /** Resolves a host name; a test may replace DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Why a URL may not be called; the message is shown to the caller. */
  public static final class Refused extends Exception {
    public Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private static final List<Cidr> REFUSED_V4 =
      List.of(
          new Cidr("0.0.0.0/8", "an unspecified"),
          new Cidr("10.0.0.0/8", "a private"),
          new Cidr("100.64.0.0/10", "a carrier-grade NAT"),
          new Cidr("127.0.0.0/8", "a loopback"),
          new Cidr("169.254.0.0/16", "a link-local"),
          new Cidr("172.16.0.0/12", "a private"),
          new Cidr("192.0.0.0/24", "a reserved"),
          new Cidr("192.168.0.0/16", "a private"),
          new Cidr("198.18.0.0/15", "a reserved"),
          new Cidr("224.0.0.0/4", "a multicast"),
          new Cidr("240.0.0.0/4", "a reserved"));

  private static final List<Cidr> REFUSED_V6 =
      List.of(
          new Cidr("::/128", "an unspecified"),
          new Cidr("::1/128", "a loopback"),
          new Cidr("fc00::/7", "a private (unique local)"),
          new Cidr("fe80::/10", "a link-local"),
          new Cidr("fec0::/10", "a private (site-local)"),
          new Cidr("ff00::/8", "a multicast"));

  private final List<Cidr> allowed;
  private final boolean requireHttps;
  private final Resolver resolver;

  public WebhookTargets(List<String> allowedCidrs, boolean requireHttps, Resolver resolver) {
    this.allowed = allowedCidrs.stream().map(c -> new Cidr(c.trim(), "an allowed")).toList();
    this.requireHttps = requireHttps;
    this.resolver = resolver;
  }

  /** With the system's DNS. */
  public WebhookTargets(List<String> allowedCidrs, boolean requireHttps) {
    this(allowedCidrs, requireHttps, InetAddress::getAllByName);
  }

  /** Reads a URL a caller gave, without resolving it. */
  public URI parse(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new Refused("must be an https URL");
    }
    if (requireHttps && !scheme.equals("https")) {
      throw new Refused("must be an https URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("must not carry a user name or password");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Refused("must name a host");
    }
    if (uri.getRawFragment() != null) {
      throw new Refused("must not carry a fragment");
    }
    return uri;
  }

  /**
   * Checks a URL and the addresses its host resolves to now; returns them.
   *
   * @throws Refused when the URL is malformed, the host unknown, or any address is internal and not
   *     allowed
   */
  public List<InetAddress> check(String url) throws Refused {
    URI uri = parse(url);
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new Refused("names a host that does not resolve: " + host);
    }
    if (addresses == null || addresses.length == 0) {
      throw new Refused("names a host that does not resolve: " + host);
    }
    for (InetAddress address : addresses) {
      String refusal = refusal(address);
      if (refusal != null) {
        throw new Refused(
            "resolves to " + address.getHostAddress() + ", " + refusal + " address; not allowed");
      }
    }
    return Arrays.asList(addresses);
  }

  /** Why an address may not be called, or null when it may. */
  String refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Cidr cidr : allowed) {
      if (cidr.contains(bytes)) {
        return null;
      }
    }
    String range = internalRange(bytes);
    if (range == null) {
      // The JDK's own classification, in case a range above was missed.
      if (address.isAnyLocalAddress()
          || address.isLoopbackAddress()
          || address.isLinkLocalAddress()
          || address.isSiteLocalAddress()
          || address.isMulticastAddress()) {
        return "an internal";
      }
      return null;
    }
    return range;
  }

  private String internalRange(byte[] bytes) {
    if (bytes.length == 4) {
      return firstMatch(REFUSED_V4, bytes);
    }
    byte[] embedded = embeddedIpv4(bytes);
    if (embedded != null) {
      for (Cidr cidr : allowed) {
        if (cidr.contains(embedded)) {
          return null;
        }
      }
      String range = firstMatch(REFUSED_V4, embedded);
      if (range != null) {
        return range + " (embedded IPv4)";
      }
    }
    return firstMatch(REFUSED_V6, bytes);
  }

  /**
   * The IPv4 address an IPv6 address carries: IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96),
   * NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms all reach the IPv4 host.
   */
  private static byte[] embeddedIpv4(byte[] v6) {
    boolean zeroTen = true;
    for (int i = 0; i < 10; i++) {
      zeroTen &= v6[i] == 0;
    }
    if (zeroTen
        && ((v6[10] == (byte) 0xff && v6[11] == (byte) 0xff) || (v6[10] == 0 && v6[11] == 0))) {
      byte[] tail = Arrays.copyOfRange(v6, 12, 16);
      // ::1 and :: are IPv6's own loopback and unspecified addresses, judged as such.
      return v6[10] == 0 && tail[0] == 0 ? null : tail;
    }
    if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b) {
      return Arrays.copyOfRange(v6, 12, 16);
    }
    if (v6[0] == 0x20 && v6[1] == 0x02) {
      return Arrays.copyOfRange(v6, 2, 6);
    }
    return null;
  }

  private static String firstMatch(List<Cidr> ranges, byte[] bytes) {
    for (Cidr cidr : ranges) {
      if (cidr.contains(bytes)) {
        return cidr.kind;
      }
    }
    return null;
  }

  /** An address range in CIDR notation. */
  static final class Cidr {
    private final byte[] network;
    private final int prefix;
    private final String kind;

    Cidr(String notation, String kind) {
      int slash = notation.indexOf('/');
      try {
        InetAddress base =
            InetAddress.getByName(slash < 0 ? notation : notation.substring(0, slash));
        this.network = base.getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("Not a CIDR range: " + notation, e);
      }
      this.prefix =
          slash < 0 ? network.length * 8 : Integer.parseInt(notation.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("Not a CIDR range: " + notation);
      }
      this.kind = kind;
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
