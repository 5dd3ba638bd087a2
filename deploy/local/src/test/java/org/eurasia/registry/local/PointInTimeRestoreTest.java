package org.eurasia.registry.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore deploy/README.md describes, rehearsed with PostgreSQL's own mechanism on an embedded
 * PostgreSQL 17: a base backup plus archived WAL, replayed into a fresh data directory up to a
 * named point. CloudNativePG's Barman Cloud plugin does the same with an object store in between
 * (barman-cloud-backup, barman-cloud-wal-archive, then restore_command in the new cluster); what it
 * cannot show here is the object store itself.
 */
class PointInTimeRestoreTest {

  @TempDir Path work;

  @Test
  void aBaseBackupAndArchivedWalRestoreTheDatabaseUpToTheNamedPointOnANewTimeline()
      throws Exception {
    Path archive = Files.createDirectories(work.resolve("wal-archive"));
    Path primaryData = work.resolve("primary");
    Path restoredData = work.resolve("restored");
    String lastArchived;

    // Settings go to postgresql.auto.conf: the commands have spaces, which the server's -c options
    // (zonky's route) would split.
    try (EmbeddedPostgres fresh = start(primaryData);
        Connection c = fresh.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER SYSTEM SET wal_level = 'replica'");
      s.execute("ALTER SYSTEM SET archive_mode = 'on'");
      s.execute("ALTER SYSTEM SET archive_command = 'cp %p " + archive + "/%f'");
    }
    try (EmbeddedPostgres primary = start(primaryData)) {
      try (Connection c = primary.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE agreement (code text PRIMARY KEY)");
        s.execute("INSERT INTO agreement VALUES ('in-the-base-backup')");

        // A non-exclusive base backup: start and stop on one session, copy the files in between.
        s.execute("SELECT pg_backup_start('rehearsal', true)");
        copyDataDirectory(primaryData, restoredData);
        try (ResultSet stop = s.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
          stop.next();
          Files.writeString(restoredData.resolve("backup_label"), stop.getString(1));
        }

        // Written after the backup: only the archived WAL knows these.
        s.execute("INSERT INTO agreement VALUES ('only-in-the-wal')");
        s.execute("SELECT pg_create_restore_point('before-the-mistake')");
        s.execute("DELETE FROM agreement");
        try (ResultSet wal = s.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
          wal.next();
          lastArchived = wal.getString(1);
        }
        awaitArchived(s, lastArchived);
      }
    }

    // The restore: the base backup, recovery.signal, WAL fetched from the archive up to the point.
    // The restored server archives nothing into the old archive (in a cluster: a new ObjectStore
    // path).
    Files.createFile(restoredData.resolve("recovery.signal"));
    Files.writeString(
        restoredData.resolve("postgresql.auto.conf"),
        String.join(
            "\n",
            "archive_mode = 'off'",
            "restore_command = 'cp " + archive + "/%f %p'",
            "recovery_target_name = 'before-the-mistake'",
            "recovery_target_action = 'promote'",
            ""),
        StandardOpenOption.APPEND);
    try (EmbeddedPostgres restored = start(restoredData);
        Connection c = restored.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      awaitPromoted(s);
      assertEquals(
          List.of("in-the-base-backup", "only-in-the-wal"),
          strings(s, "SELECT code FROM agreement ORDER BY code"),
          "the rows up to the restore point, none of the deletion after it");
      // A new timeline: what the outbox relay reads as a new producer epoch (deploy/README.md).
      assertEquals(
          List.of("2"), strings(s, "SELECT timeline_id::text FROM pg_control_checkpoint()"));
    }
  }

  private static EmbeddedPostgres start(Path data) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  /** The files a base backup takes: all but the running server's own and the WAL in flight. */
  private static void copyDataDirectory(Path from, Path to) throws IOException {
    Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(source);
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else if (!skipped.contains(relative.toString())
            && !relative.startsWith("pg_wal")
            && Files.isRegularFile(source)) {
          Files.copy(source, target);
        }
      }
    }
    // PostgreSQL refuses a data directory others may read.
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
  }

  private static void awaitArchived(Statement s, String walFile)
      throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      List<String> last =
          strings(s, "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver");
      if (last.get(0).compareTo(walFile) >= 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(walFile + " was not archived within 30 s");
  }

  private static void awaitPromoted(Statement s) throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (strings(s, "SELECT pg_is_in_recovery()::text").equals(List.of("true"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still recovering after 30 s");
      }
      Thread.sleep(200);
    }
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
