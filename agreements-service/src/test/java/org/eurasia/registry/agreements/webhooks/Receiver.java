package org.eurasia.registry.agreements.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A partner's webhook receiver the test starts on 127.0.0.1: records every request it is sent and
 * answers with the status the test sets, after the delay the test sets. It can also go away
 * altogether (connections refused) and come back on the same port.
 */
final class Receiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as it arrived, and what the receiver answered. */
  record Request(
      String id,
      String timestamp,
      String signature,
      String contentType,
      String body,
      int answered) {
    JsonNode event() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }

    boolean accepted() {
      return answered >= 200 && answered < 300;
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile Duration delay = Duration.ZERO;
  private final int port;
  private HttpServer server;

  Receiver() throws IOException {
    server = start(0);
    port = server.getAddress().getPort();
  }

  private HttpServer start(int onPort) throws IOException {
    HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
    started.createContext("/", this::handle);
    started.setExecutor(Executors.newFixedThreadPool(16));
    started.start();
    return started;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int answer = status;
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    requests.add(
        new Request(
            exchange.getRequestHeaders().getFirst("webhook-id"),
            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
            exchange.getRequestHeaders().getFirst("webhook-signature"),
            exchange.getRequestHeaders().getFirst("content-type"),
            body,
            answer));
    exchange.sendResponseHeaders(answer, -1);
    exchange.close();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/hooks";
  }

  void answer(int status) {
    this.status = status;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  /** Closes the port: connections are refused until {@link #comeBack()}. */
  void goAway() {
    server.stop(0);
  }

  void comeBack() throws IOException {
    server = start(port);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests that carried a change of this record, in arrival order. */
  List<Request> about(String recordId) {
    return requests.stream()
        .filter(r -> recordId.equals(r.event().path("subject").asText()))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
