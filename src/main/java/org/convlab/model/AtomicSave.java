package org.convlab.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.convlab.UserFiles;

/**
 * The mechanics behind {@link ModelFiles#writeAtomically}: a temporary sibling named
 * {@code .NAME.<pid>-<random>.tmp}, filled, flushed to the disk, given the permissions the file
 * would get anyway, then renamed over the target. A symbolic link stays a link: the file it
 * points to is replaced. Temporary files of a failed save are removed at once, and those of a
 * process that was killed during a save (its process id is gone) at the next save to the same
 * place. Failures are {@link IOException}s whose message is the reason in plain words.
 */
final class AtomicSave {
    private AtomicSave() {}

    private static final long PID = ProcessHandle.current().pid();
    /** Temporary files this process is writing right now (never someone else's stale file). */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final Pattern OURS = Pattern.compile("(\\d+)-\\d+");
    /** What {@code Files.createTempFile} made before (no process id): a long random number. */
    private static final Pattern OLD_STYLE = Pattern.compile("\\d{15,}");
    private static final int MAX_LINKS = 40;

    static void write(Path file, ModelFiles.Content content) throws IOException {
        if (file.toString().isEmpty()) {
            throw new IOException("no file name given (the path is empty)");
        }
        Path given = file.toAbsolutePath();
        Path target = realTarget(given);
        if (!target.equals(given) && given.getParent() != null && given.getFileName() != null) {
            removeStale(given.getParent(), given.getFileName().toString()); // left by saves that replaced the link itself
        }
        if (target.getFileName() == null || Files.isDirectory(target)) {
            throw new IOException("is a folder; give a file name inside it");
        }
        Path dir = target.getParent();
        makeFolders(dir);
        String name = target.getFileName().toString();
        removeStale(dir, name);
        Path tmp = createTemp(dir, name);
        try {
            content.writeTo(tmp);
            force(tmp);
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            force(dir); // the rename itself reaches the disk too
        } catch (IOException e) {
            throw plain(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // nothing more to do: the next save here removes it
            }
            ACTIVE.remove(tmp);
        }
    }

    /** The file a chain of symbolic links ends at (which may not exist yet); the path itself otherwise. */
    private static Path realTarget(Path p) throws IOException {
        Path at = p;
        for (int hops = 0; Files.isSymbolicLink(at); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("a loop of symbolic links");
            }
            Path link = Files.readSymbolicLink(at);
            at = at.toAbsolutePath().getParent().resolve(link).normalize();
        }
        return at;
    }

    private static void makeFolders(Path dir) throws IOException {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d)) {
                if (!Files.isDirectory(d)) {
                    throw new IOException(d + " is a file, not a folder");
                }
                break;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw plain(e);
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        String prefix = tempPrefix(name);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(prefix + PID + "-" + Math.abs(ThreadLocalRandom.current().nextInt()) + ".tmp");
            ACTIVE.add(tmp); // before it exists: another thread's clean-up must never take it for stale
            try {
                // no permission attributes: the file gets what the umask gives, like any new file
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                ACTIVE.remove(tmp);
                if (attempt == 100) {
                    throw plain(e);
                }
            } catch (IOException e) {
                ACTIVE.remove(tmp);
                throw plain(e);
            }
        }
    }

    /** ".NAME." (a long name is cut, so that the temporary name stays within the file system's limit). */
    static String tempPrefix(String name) {
        return "." + (name.length() > 100 ? name.substring(0, 100) : name) + ".";
    }

    /**
     * Removes temporary files left by a save to this same target that was killed: ours whose process
     * is gone, and the old-style ones. Other files are never touched, nor a save in progress.
     */
    static void removeStale(Path dir, String name) {
        String prefix = tempPrefix(name);
        String oldPrefix = "." + name;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> p.getFileName().toString().endsWith(".tmp"))) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                String middle = n.startsWith(prefix) && n.length() > prefix.length() + 4
                        ? n.substring(prefix.length(), n.length() - 4) : null;
                var ours = middle == null ? null : OURS.matcher(middle);
                boolean stale;
                if (ours != null && ours.matches()) {
                    long pid = Long.parseLong(ours.group(1));
                    stale = !ACTIVE.contains(f) && (pid == PID || ProcessHandle.of(pid).isEmpty());
                } else {
                    stale = n.startsWith(oldPrefix) && n.length() > oldPrefix.length() + 4
                            && OLD_STYLE.matcher(n.substring(oldPrefix.length(), n.length() - 4)).matches();
                }
                if (stale && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: the save itself goes on
        }
    }

    private static void force(Path p) {
        try (FileChannel ch = FileChannel.open(p, Files.isDirectory(p) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the rename is still atomic
        }
    }

    /** A file being replaced keeps its permissions; a new one keeps what the umask gave it. */
    private static void copyPermissions(Path target, Path tmp) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the defaults stay
        }
    }

    /** The same failure, its message the reason in plain words ("permission denied", "the disk is full"). */
    static IOException plain(IOException e) {
        if (e.getClass() == IOException.class && e.getCause() instanceof IOException) {
            return e; // already plain
        }
        String reason;
        String m = "";
        for (Throwable t = e; t != null; t = t.getCause()) { // ImageIO hides the disk's answer in a cause
            m += t.getMessage() == null ? "" : t.getMessage() + "\n";
        }
        if (m.contains("No space left") || m.contains("Disk quota")) {
            reason = "the disk is full";
        } else if (e instanceof FileAlreadyExistsException f && f.getReason() == null) {
            reason = f.getFile() + " is a file, not a folder";
        } else if (e instanceof AccessDeniedException || m.contains("Permission denied")) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException || e instanceof FileSystemException) {
            reason = UserFiles.reason(e);
        } else if (e.getClass() == IOException.class && e.getCause() == null) {
            return e; // our own plain messages
        } else {
            reason = UserFiles.reason(e);
        }
        return new IOException(reason, e);
    }
}
