package dev.harness.protocol.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class SageMakerErrorsTest {

  @Test
  void aRefusedConnectionIsAConnectErrorWhereverTheSdkWrapsIt() {
    ConnectException refused = new ConnectException("Connection refused");
    Throwable plain = new CompletionException(
        SdkClientException.builder().message("Unable to execute HTTP request").cause(refused)
            .build());
    Throwable underTimeout = new CompletionException(
        ApiCallTimeoutException.builder().message("timed out").cause(refused).build());

    for (Throwable t : new Throwable[] {plain, underTimeout}) {
      ResponseResult r = SageMakerErrors.classify(t);
      assertThat(r.outcome()).isEqualTo(Outcome.CONNECT_ERROR);
      assertThat(r.detail()).contains("Connection refused");
    }
  }

  @Test
  void anApiCallTimeoutWithoutAConnectFailureIsATimeout() {
    ResponseResult r = SageMakerErrors.classify(new CompletionException(
        ApiCallTimeoutException.builder().message("timed out after 5 s").build()));
    assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
  }
}
