package org.eurasia.registry.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eurasia.registry.platform.problem.ProblemException;

/**
 * Who is calling, as the application layer needs to know it: a registrar, a partner acting for one
 * organisation, or an anonymous reader. Services ask it, rather than the JWT, so the rules read in
 * domain terms.
 */
@RequestScoped
public class Caller {

  /**
   * Claim naming the organisation (lower-case internet domain, e.g. {@code qau.edu.pk}) a partner
   * acts for.
   */
  public static final String ORG_CLAIM = "org";

  private static final Pattern ORG_CODE =
      Pattern.compile(org.eurasia.registry.platform.validation.SchacCode.REGEX);

  @Inject SecurityIdentity identity;

  @Inject JsonWebToken token;

  // What the token says cannot change within a request, and every read asks several times (whether
  // the caller is anonymous, its organisation, its name): each answer is worked out once. The first
  // question resolves the request's identity, as every question did before.
  private Boolean anonymous;
  private Optional<String> affiliation;
  private String principal;

  public boolean isAnonymous() {
    if (anonymous == null) {
      anonymous = identity.isAnonymous();
    }
    return anonymous;
  }

  public boolean isRegistrar() {
    return !isAnonymous() && identity.hasRole(Roles.REGISTRAR);
  }

  public boolean isOperator() {
    return !isAnonymous() && identity.hasRole(Roles.OPERATOR);
  }

  public boolean isPartner() {
    return !isAnonymous() && identity.hasRole(Roles.PARTNER);
  }

  /**
   * The organisation a partner acts for, when the token names a well-formed one. Only the partner
   * role carries organisation rights: an {@code org} claim in any other token (an attendee's) is
   * ignored here.
   */
  public Optional<String> organization() {
    return isPartner() ? affiliation() : Optional.empty();
  }

  /**
   * The organisation the token names in its {@code org} claim, whatever the role: for an attendee,
   * the organisation they belong to (shown on their registration). Never a right to act for it;
   * {@link #organization()} is that.
   */
  public Optional<String> affiliation() {
    if (affiliation == null) {
      affiliation = claimedAffiliation();
    }
    return affiliation;
  }

  private Optional<String> claimedAffiliation() {
    if (isAnonymous() || token == null) {
      return Optional.empty();
    }
    Object claim = token.getClaim(ORG_CLAIM);
    String org = claim == null ? null : claim.toString().replace("\"", "");
    return org != null && ORG_CODE.matcher(org).matches() ? Optional.of(org) : Optional.empty();
  }

  /** A stable name for the caller, used to scope idempotency keys and in logs. */
  public String principal() {
    if (principal == null) {
      principal =
          isAnonymous()
              ? "anonymous"
              : identity.getPrincipal().getName() + affiliation().map(org -> "@" + org).orElse("");
    }
    return principal;
  }

  /**
   * True when the caller may act for the given organisation: a registrar always, a partner only for
   * its own.
   */
  public boolean mayActFor(String organizationCode) {
    return isRegistrar() || organization().filter(org -> org.equals(organizationCode)).isPresent();
  }

  public boolean mayActForAny(Collection<String> organizationCodes) {
    return isRegistrar() || organization().filter(organizationCodes::contains).isPresent();
  }

  public void requireMayActFor(String organizationCode) {
    if (!mayActFor(organizationCode)) {
      throw ProblemException.forbidden(denial("'" + organizationCode + "'"));
    }
  }

  public void requireMayActForAny(Collection<String> organizationCodes) {
    if (!mayActForAny(organizationCodes)) {
      throw ProblemException.forbidden(denial("any of " + organizationCodes));
    }
  }

  public void requireRegistrar() {
    if (!isRegistrar()) {
      throw ProblemException.forbidden("Only a registrar may do this");
    }
  }

  private String denial(String what) {
    return organization()
        .map(org -> "A partner acting for '" + org + "' may not act for " + what)
        .orElse(
            "The token carries no partner role with an organisation (claim 'org'), so it may not act for "
                + what);
  }
}
