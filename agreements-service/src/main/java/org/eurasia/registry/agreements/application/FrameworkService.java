package org.eurasia.registry.agreements.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.agreements.domain.Framework;
import org.eurasia.registry.agreements.domain.FrameworkRepository;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/** The regional frameworks agreements belong to. Anyone reads; registrars maintain them. */
@ApplicationScoped
@Transactional
public class FrameworkService {

  @Inject FrameworkRepository frameworks;

  @Inject Caller caller;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Framework> list(String memberCountry, int limit, Cursor after) {
    String afterCode = after == null ? null : after.code(0);
    return Slice.fromOverfetch(
        frameworks.search(memberCountry, afterCode, limit + 1), limit, f -> Cursor.of(f.code()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Framework get(UUID id) {
    return frameworks
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Framework", id));
  }

  public Framework register(
      String code,
      Map<String, String> names,
      Map<String, String> description,
      List<Framework.Membership> members) {
    caller.requireRegistrar();
    if (frameworks.findByCode(code).isPresent()) {
      throw ProblemException.conflict("A framework with code '" + code + "' already exists");
    }
    Framework framework =
        new Framework(UUID.randomUUID(), code, names, description, members, clock.instant());
    frameworks.persist(framework);
    return framework;
  }

  public Framework update(
      UUID id,
      ExpectedVersion expected,
      Map<String, String> names,
      Map<String, String> description,
      List<Framework.Membership> members) {
    caller.requireRegistrar();
    Framework framework = get(id);
    expected.check(framework.version());
    framework.describe(names, description, members, clock.instant());
    frameworks.flush();
    return framework;
  }

  public void remove(UUID id, ExpectedVersion expected) {
    caller.requireRegistrar();
    Framework framework = get(id);
    expected.check(framework.version());
    if (frameworks.isUsed(framework.code())) {
      throw ProblemException.conflict(
          "Framework '" + framework.code() + "' is named by agreements");
    }
    frameworks.delete(framework);
  }

  /** Refuses framework codes that no registered framework has. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void requireKnown(Collection<String> codes) {
    for (String code : codes) {
      if (frameworks.findByCode(code).isEmpty()) {
        throw ProblemException.invalidField(
            "frameworks", "'" + code + "' is not a known framework");
      }
    }
  }
}
