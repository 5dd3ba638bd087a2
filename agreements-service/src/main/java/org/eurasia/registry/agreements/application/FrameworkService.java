package org.eurasia.registry.agreements.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eurasia.registry.agreements.domain.Framework;
import org.eurasia.registry.agreements.domain.FrameworkNotice;
import org.eurasia.registry.agreements.domain.FrameworkRepository;
import org.eurasia.registry.agreements.domain.FrameworkTerms;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * The regional frameworks agreements belong to. Anyone reads; registrars maintain them. Every
 * change is announced through the outbox, like the directory's.
 */
@ApplicationScoped
@Transactional
public class FrameworkService {

  @Inject FrameworkRepository frameworks;

  @Inject Caller caller;

  @Inject Clock clock;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

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

  /** Who changed the framework, and how, oldest first; readable by whoever may read it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> changes(UUID id, int limit, Cursor after) {
    get(id);
    return changeLog.history(FrameworkNotice.AGGREGATE_TYPE, id.toString(), after, limit);
  }

  public Framework register(String code, FrameworkTerms terms) {
    caller.requireRegistrar();
    if (frameworks.findByCode(code).isPresent()) {
      throw ProblemException.conflict("A framework with code '" + code + "' already exists");
    }
    Framework framework = new Framework(UUID.randomUUID(), code, terms, clock.instant());
    frameworks.persist(framework);
    outbox.announce(() -> FrameworkNotice.registered(framework));
    return framework;
  }

  public Framework update(UUID id, ExpectedVersion expected, FrameworkTerms terms) {
    caller.requireRegistrar();
    Framework framework = get(id);
    expected.check(framework.version());
    framework.revise(terms, clock.instant());
    outbox.announce(() -> FrameworkNotice.updated(framework));
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
    // Recorded before the delete: a removal has no version of its own to flush for (the notice
    // takes the next one).
    outbox.record(FrameworkNotice.removed(framework));
    frameworks.delete(framework);
  }

  /**
   * The frameworks with these codes, by code; a code no registered framework has is refused (400 on
   * {@code frameworks}).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Framework> named(Collection<String> codes) {
    Map<String, Framework> named = new TreeMap<>();
    for (String code : codes) {
      named.put(
          code,
          frameworks
              .findByCode(code)
              .orElseThrow(
                  () ->
                      ProblemException.invalidField(
                          "frameworks", "'" + code + "' is not a known framework")));
    }
    return named;
  }
}
