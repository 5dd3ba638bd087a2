package org.eurasia.registry.platform.domain;

/**
 * The domain's own rule about who may do this (who may link an agreement to an event) says the
 * requester may not.
 */
public final class NotPermitted extends DomainException {

  public NotPermitted(String detail) {
    super(detail);
  }
}
