package dev.harness.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PromptSalterTest {

  private final ObjectMapper json = new ObjectMapper();

  private JsonNode parse(String text) throws Exception {
    return json.readTree(text.replace('\'', '"'));
  }

  @Test
  void chatSaltsTheFirstUserMessageOnly() throws Exception {
    JsonNode body =
        parse(
            "{'messages':[{'role':'system','content':'Be brief.'},{'role':'user','content':'Hi'},"
                + "{'role':'assistant','content':'Hello'},{'role':'user','content':'Again'}]}");

    JsonNode salted = PromptSalter.salt(body, 17);

    assertThat(salted.at("/messages/0/content").asText()).isEqualTo("Be brief.");
    assertThat(salted.at("/messages/1/content").asText()).isEqualTo("[req 17] Hi");
    assertThat(salted.at("/messages/3/content").asText()).isEqualTo("Again");
  }

  @Test
  void aContentArraySaltsItsFirstTextPart() throws Exception {
    JsonNode body =
        parse(
            "{'messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'u'}},"
                + "{'type':'text','text':'What is this?'},{'type':'text','text':'Second'}]}]}");

    JsonNode salted = PromptSalter.salt(body, 3);

    assertThat(salted.at("/messages/0/content/1/text").asText()).isEqualTo("[req 3] What is this?");
    assertThat(salted.at("/messages/0/content/2/text").asText()).isEqualTo("Second");
    assertThat(salted.at("/messages/0/content/0")).isEqualTo(body.at("/messages/0/content/0"));
  }

  @Test
  void completionsSaltThePrompt() throws Exception {
    JsonNode salted = PromptSalter.salt(parse("{'prompt':'Once upon','max_tokens':5}"), 0);

    assertThat(salted.get("prompt").asText()).isEqualTo("[req 0] Once upon");
    assertThat(salted.get("max_tokens").asInt()).isEqualTo(5);
  }

  @Test
  void aPromptArraySaltsEveryPrompt() throws Exception {
    JsonNode salted = PromptSalter.salt(parse("{'prompt':['a','b']}"), 9);

    assertThat(salted.get("prompt")).isEqualTo(parse("{'p':['[req 9] a','[req 9] b']}").get("p"));
  }

  @Test
  void bodiesWithoutAPromptAreReturnedUnchanged() throws Exception {
    for (String text :
        new String[] {
          "{'inputs':[{'name':'x','datatype':'FP32','shape':[1],'data':[0.5]}]}",
          "{'prompt':[1,2,3]}",
          "{'messages':[{'role':'system','content':'only a system prompt'}]}",
          "'a verbatim string body'"
        }) {
      JsonNode body = parse(text);
      assertThat(PromptSalter.salt(body, 5)).as(text).isEqualTo(body);
    }
  }

  @Test
  void theOriginalBodyIsNeverModified() throws Exception {
    JsonNode body = parse("{'messages':[{'role':'user','content':'Hi'}]}");
    JsonNode before = body.deepCopy();

    JsonNode salted = PromptSalter.salt(body, 1);

    assertThat(body).isEqualTo(before);
    assertThat(salted).isNotSameAs(body).isNotEqualTo(body);
  }

  @Test
  void differentSequencesGiveDifferentPrompts() throws Exception {
    JsonNode body = parse("{'prompt':'same'}");

    assertThat(PromptSalter.salt(body, 1)).isNotEqualTo(PromptSalter.salt(body, 2));
  }
}
