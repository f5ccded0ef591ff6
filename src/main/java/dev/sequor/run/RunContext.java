package dev.sequor.run;

import dev.sequor.db.Database;
import dev.sequor.db.Databases;
import dev.sequor.db.SourceTypes;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.ExprScope;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyns;
import dev.sequor.http.HttpClientService;
import dev.sequor.http.HttpSourceConfig;
import dev.sequor.http.HttpTransport;
import dev.sequor.http.HttpTransports;
import dev.sequor.http.SecretSet;
import dev.sequor.http.TlsSettings;
import dev.sequor.project.Environment;
import dev.sequor.project.Project;
import dev.sequor.project.ProjectState;
import dev.sequor.project.SequorHome;
import dev.sequor.run.progress.OpStats;
import dev.sequor.run.progress.RunStats;
import dev.sequor.yaml.YNode.YMap;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything one run shares: the project, its environment and persisted variables, the flows and sources,
 * the open databases, the HTTP client, the evaluator, and where output and progress go. Closing it closes
 * every connection the run opened.
 */
public final class RunContext implements AutoCloseable {

    private final Project project;
    private final SequorHome home;
    private final Environment environment;
    private final ProjectState state;
    private final RunOptions options;
    private final PrintStream out;
    private final RunLog log;
    private final FlowLibrary flows;
    private final SourceFiles sources;
    private final Evaluator evaluator;
    private final Map<String, Database> openDatabases = new ConcurrentHashMap<>();
    /** Database sources being opened on another thread ahead of their first use ({@link #openAhead}). */
    private final Map<String, CompletableFuture<Database>> openingAhead = new ConcurrentHashMap<>();
    /** How long {@link #close} waits for a source still being opened ahead. */
    private static final Duration OPEN_AHEAD_WAIT = Duration.ofSeconds(2);
    private final SecretSet secrets;
    private final RunStats stats;
    /** http sources whose unknown keys were already reported in this run. */
    private final Set<String> warnedSources = ConcurrentHashMap.newKeySet();
    /** http sources with tls.insecure already reported in this run (once each, on every run). */
    private final Set<String> insecureSources = ConcurrentHashMap.newKeySet();
    private Databases databases;
    private HttpClientService http;

    /** {@code stats} counts what the ops do, for the progress line and the summary. */
    public RunContext(Project project, SequorHome home, Environment environment, RunOptions options,
                      PrintStream out, RunLog log, SecretSet secrets, RunStats stats) {
        this.project = project;
        this.stats = stats;
        this.secrets = secrets;
        this.home = home;
        this.environment = environment;
        this.state = new ProjectState(home.projectStateFile(project.name()));
        this.options = options;
        this.out = out;
        this.log = log;
        this.evaluator = new Evaluator(log::detail, project.evaluationTimeout());
        this.sources = new SourceFiles(project);
        this.flows = new FlowLibrary(project, sources, evaluator::compile, p -> log.warn(p.toString()));
    }

    public Project project() {
        return project;
    }

    public Environment environment() {
        return environment;
    }

    /** For a variable that is not defined: which environment is in use (if any) and where variables come from. */
    public String whereVariablesComeFrom() {
        String others = "set_variable, or the parameters of run_flow";
        if (environment.name() == null) {
            return "no environment is in use (give one with --env NAME, SEQUOR_ENV or the project's env.yaml); flows"
                    + " get variables from an environment's 'variables:', " + others + ".";
        }
        return "the environment in use is '" + environment.name() + "' (" + home.envFile(environment.name())
                + "); define the variable under 'variables:' there, or with " + others + ".";
    }

    public ProjectState state() {
        return state;
    }

    public RunOptions options() {
        return options;
    }

    public PrintStream out() {
        return out;
    }

    public RunLog log() {
        return log;
    }

    /** What every op that did work has done so far in this run. */
    public RunStats runStats() {
        return stats;
    }

    /** The counters of the op running now: executors count requests, pages, rows and failed rows here. */
    public OpStats stats() {
        return stats.current();
    }

    public FlowLibrary flows() {
        return flows;
    }

    public SourceFiles sources() {
        return sources;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /**
     * The database source {@code name}, opened on first use with its file rendered in {@code scope}. Parallel for_each
     * rows may ask for a source at once: it is opened once, the others wait for it.
     */
    public Database database(String name, ExprScope scope, SourcePos usedAt) {
        Database db = openDatabases.get(name);
        if (db != null) {
            return db;
        }
        CompletableFuture<Database> ahead = openingAhead.get(name);
        if (ahead != null) {
            try {
                return joinAhead(ahead);
            } finally {
                if (ahead.isCompletedExceptionally()) {
                    // reported once, here; a later use tries to open the source again, as without opening ahead
                    openingAhead.remove(name, ahead);
                }
            }
        }
        synchronized (openDatabases) {
            db = openDatabases.get(name);
            return db != null ? db : open(name, scope, usedAt);
        }
    }

    /**
     * Starts opening the database source {@code name} on another thread, so that the caller's slow work (an
     * http_request's first request) overlaps it; its first use ({@link #database}) waits for it, and a failure is
     * thrown there, as if the source had been opened then. Only a source whose file has no template is opened ahead:
     * rendering it now gives what rendering it at first use would. Nothing happens for a source that is already open
     * or being opened, or that is unknown, unreadable or not a database (its first use, if any, reports that).
     */
    public void openAhead(String name, SourcePos usedAt) {
        if (openDatabases.containsKey(name) || openingAhead.containsKey(name) || !sources.exists(name)) {
            return;
        }
        try {
            if (SourceTypes.HTTP.equals(sources.type(name, usedAt))
                    || !Dyns.of(sources.load(name, usedAt), null).isConstant()) {
                return;
            }
        } catch (SequorException e) {
            return;
        }
        openingAhead.computeIfAbsent(name, n -> {
            CompletableFuture<Database> opening = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("sequor-open-" + n).start(() -> {
                try {
                    synchronized (openDatabases) {
                        Database db = openDatabases.get(n);
                        opening.complete(db != null ? db : open(n, null, usedAt));
                    }
                } catch (Throwable e) {
                    opening.completeExceptionally(e);
                }
            });
            return opening;
        });
    }

    private static Database joinAhead(CompletableFuture<Database> ahead) {
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private Database open(String name, ExprScope scope, SourcePos usedAt) {
        Database db;
        String type = sources.type(name, usedAt);
        if (SourceTypes.HTTP.equals(type)) {
            throw SequorException.failed(usedAt, "Source \"" + name + "\" is an http source; a database source"
                    + " (type " + SourceTypes.databaseChoices() + ") is expected here.");
        }
        YMap file = sources.load(name, usedAt);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) evaluator.eval(Dyns.of(file, null), scope);
        for (String key : SourceTypes.SECRET_KEYS) {
            if (config.get(key) instanceof String p && !p.isEmpty()) {
                secrets.add(p);
            }
        }
        db = databases().open(name, config, file.pos());
        openDatabases.put(name, db);
        return db;
    }

    /**
     * The http source {@code name} for one op execution: binds its {@code variables} (rendered in order) as
     * locals of {@code frame}, as upstream does, then renders the whole file so auth can use them.
     */
    public HttpSourceConfig httpSource(String name, FlowScope scope, SourcePos usedAt) {
        YMap file = sources.load(name, usedAt);
        String type = sources.type(name, usedAt);
        if (!SourceTypes.HTTP.equals(type)) {
            throw SequorException.failed(usedAt, "Source \"" + name + "\" has type '" + type
                    + "'; request.source must name an http source (type: http).");
        }
        if (warnedSources.add(name)) {
            SourceFiles.unknownHttpKeys(file).forEach(p -> log.warn(p.toString()));
        }
        if (file.get("variables") instanceof YMap vars) {
            vars.entries().forEach((k, v) -> scope.frame().set(k, evaluator.eval(Dyns.of(v, null), scope)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) evaluator.eval(Dyns.of(file, null), scope);
        HttpSourceConfig config = HttpSourceConfig.from(name, new LinkedHashMap<>(rendered), file, project.dir());
        secrets.addAll(config.secrets());
        if (config.connection().tls().insecure() && insecureSources.add(name)) {
            log.warn(new Diagnostics.Problem(Diagnostics.Severity.WARNING, file.valuePos("tls"),
                    TlsSettings.insecureWarning(name)).toString());
        }
        return config;
    }

    /** The HTTP client of this run (live, recording or replaying as the options say). */
    public synchronized HttpClientService http() {
        if (http == null) {
            HttpTransport transport;
            if (options.replayDir() != null) {
                transport = HttpTransports.replay(options.replayDir(), secrets::redactor);
            } else if (options.recordDir() != null) {
                transport = HttpTransports.recording(HttpTransports.live(), options.recordDir(), secrets::redactor);
            } else {
                transport = HttpTransports.live();
            }
            if (options.previewTrace()) {
                transport = HttpTransports.tracing(transport, log.console(), secrets::redactor);
            }
            http = new HttpClientService(transport, secrets.live(), log::info, stats);
        }
        return http;
    }

    /** Every credential seen so far, for redaction in messages. */
    public Set<String> secrets() {
        return new HashSet<>(secrets.snapshot());
    }

    /** The run's one set of credentials, which masks whatever the run writes. */
    public SecretSet secretSet() {
        return secrets;
    }

    @Override
    public void close() {
        // a source still being opened ahead is closed with the others; one whose server has not answered within
        // OPEN_AHEAD_WAIT is closed by Databases when it does, rather than hold the run's error back
        for (CompletableFuture<Database> f : openingAhead.values()) {
            try {
                f.get(OPEN_AHEAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // reported where the source is used, if it is; a late one is closed by Databases as it connects
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (http != null) {
            http.close();
        }
        databases().close(); // made if none was: a source connecting late then finds it closed
    }

    private synchronized Databases databases() {
        if (databases == null) {
            databases = new Databases(project.dir(), home.cacheDir(), log::info);
        }
        return databases;
    }
}
