package org.eurasia.registry.bench.peer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A list, a read by id and a create, behind the same bearer-token check as the services' (the
 * benchmark's start-up probe lists with a token, as it does against the services). The list is also
 * open to anonymous callers, as the services' public lists are, so that the AOT cache's training
 * run (anonymous reads, deploy/local's AotCache) exercises it as it does theirs.
 */
@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"partner", "registrar", "attendee"})
public class ItemResource {

  /** What a create takes. */
  public record NewItem(@NotBlank @Size(max = 200) String name) {}

  @GET
  @PermitAll
  public List<Item> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
    return Item.<Item>findAll().page(0, limit).list();
  }

  @GET
  @Path("/{id}")
  public Item get(@PathParam("id") UUID id) {
    Item item = Item.findById(id);
    if (item == null) {
      throw new NotFoundException();
    }
    return item;
  }

  @POST
  @Transactional
  public Item create(@jakarta.validation.Valid NewItem request) {
    Item item = new Item();
    item.id = UUID.randomUUID();
    item.name = request.name();
    item.createdAt = Instant.now();
    item.persist();
    return item;
  }
}
