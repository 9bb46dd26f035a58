package io.tributary.cli;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

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
        Throwable kafkaRefusal = kafkaRefusal(e);
        if (kafkaRefusal instanceof AuthenticationException) {
            err.println(cli.getColorScheme().errorText("error: ") + "the Kafka cluster refused the login: " + kafkaRefusal.getMessage()
                    + ". Check the user and password in the client config (--client-config; default: the local platform's"
                    + " client.properties), or whether its password was rotated.");
        } else if (kafkaRefusal instanceof AuthorizationException) {
            err.println(cli.getColorScheme().errorText("error: ") + "the Kafka cluster refused the operation: " + kafkaRefusal.getMessage()
                    + ". The login of the client config has no ACL for it (`tributary access <zone>` shows who may do what).");
        } else if (e instanceof DescriptorException || e instanceof LocalRuntimeException || e instanceof UserFacingException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println(cli.getColorScheme().errorText("error: ") + e.getMessage());
        } else {
            err.println(cli.getColorScheme().errorText("error: " + e));
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** Kafka's refusal of a login or an operation, wherever it is in the cause chain: the user can act on it. */
    private static Throwable kafkaRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
                return t;
            }
        }
        return null;
    }
}
