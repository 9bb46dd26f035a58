package io.tributary.cli;

import io.tributary.local.LocalRuntimeException;
import io.tributary.model.DescriptorException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Failures a user can act on are printed as their message, without a stack trace; anything else
 * is a bug and keeps its trace. Exit code 1 either way (2 is picocli's for bad usage).
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        var err = cli.getErr();
        if (e instanceof DescriptorException || e instanceof LocalRuntimeException || e instanceof UserFacingException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println(cli.getColorScheme().errorText("error: ") + e.getMessage());
        } else {
            err.println(cli.getColorScheme().errorText("error: " + e));
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
