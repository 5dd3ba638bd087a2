package org.eurasia.registry.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.hibernate.Session;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * GET and HEAD requests load entities read-only: Hibernate then keeps no snapshot of them for dirty
 * checking.
 *
 * <p>Why: the benchmark's profile of a read by id (bench/README.md) showed Hibernate copying every
 * loaded entity for the dirty check it would never run, and a JSON column's copy is a
 * serialize-and-parse round trip — an agreement has ten of them ({@code JsonColumnCopy} has since
 * made that copy cheap; a read-only session still keeps none). Reads never change data (the OpenAPI
 * fuzzer's data witness checks that after every GET), and they run outside a transaction, on the
 * request's own session, which is the one this marks. A read that did run inside a transaction
 * would get that transaction's session, unmarked: slower, never wrong.
 */
@ApplicationScoped
public class ReadOnlyReads {

  @Inject Session session;

  @ServerRequestFilter
  public void markReadOnly(ContainerRequestContext request) {
    String method = request.getMethod();
    if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
      session.setDefaultReadOnly(true);
    }
  }
}
