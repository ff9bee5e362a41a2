package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..");
  private static final String BASE = String.join("\n",
      "region: us-east-1",
      "taken: 2026-11-01",
      "source: list",
      "types:",
      "  g5.2xlarge:",
      "    accelerator: NVIDIA A10G",
      "    accelerators: 1",
      "    accelerator-memory-gib: 24",
      "    vcpus: 8",
      "    memory-gib: 32",
      "    ec2-per-hour: 1.2",
      "    sagemaker-per-hour: 1.5",
      "  sim-g5.2xlarge:",
      "    price-of: g5.2xlarge",
      "");

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  private Catalog withOverride(String yaml) throws Exception {
    return Catalog.load(write("base.yaml", BASE), write("mine.yaml", yaml));
  }

  @Test
  void bundledCatalogHasEveryFamilyWithDatedPricesOnBothPlatforms() throws Exception {
    Catalog c = Catalog.bundled(List.of(dir, ROOT));
    assertThat(c.files().get(0).toString()).endsWith(Catalog.BUNDLED);
    assertThat(c.region()).isEqualTo("us-east-1");
    assertThat(c.warnings()).isEmpty();
    List<String> expected = List.of("g5.xlarge", "g5.2xlarge", "g5.4xlarge", "g5.8xlarge",
        "g5.12xlarge", "g5.16xlarge", "g5.24xlarge", "g5.48xlarge", "g4dn.xlarge",
        "g4dn.2xlarge", "g4dn.12xlarge", "inf2.xlarge", "inf2.8xlarge", "inf2.24xlarge",
        "inf2.48xlarge");
    for (String name : expected) {
      InstanceType t = c.get(name);
      assertThat(t.ec2PerHour()).as(name).isNotNull();
      assertThat(t.sageMakerPerHour()).as(name).isGreaterThan(t.ec2PerHour());
      assertThat(t.taken()).as(name).isNotNull();
      assertThat(t.source()).as(name).contains(name);
      assertThat(t.accelerators()).as(name).isPositive();
      assertThat(t.region()).isEqualTo("us-east-1");
    }
    assertThat(c.get("g5.12xlarge").accelerators()).isEqualTo(4);
    assertThat(c.get("inf2.48xlarge").accelerator()).contains("Inferentia2");
    assertThat(c.get("g4dn.2xlarge").accelerator()).contains("T4");
  }

  @Test
  void everySimulatedProfileResolvesToItsRealTypesPrice() throws Exception {
    Catalog c = Catalog.bundled(List.of(ROOT));
    List<String> names = SimProfiles.names(ROOT.resolve(SimProfiles.DIRECTORY));
    assertThat(names).isNotEmpty();
    for (String name : names) {
      SimProfile p = SimProfiles.load(ROOT.resolve(SimProfiles.DIRECTORY).resolve(name + ".yaml"));
      InstanceType t = c.get(name);
      assertThat(t.simulated()).as(name).isTrue();
      assertThat(t.priceOf()).as(name).isEqualTo(p.instance().type());
      // the simulator's own price is the SageMaker price of the type it stands for
      assertThat(t.hourlyPrice(Platform.SAGEMAKER)).as(name)
          .isCloseTo(p.pricePerHour(), within(1e-9));
      assertThat(t.vcpus()).as(name).isEqualTo(p.instance().vcpus());
      assertThat(t.accelerators()).as(name).isEqualTo(p.instance().accelerators());
    }
  }

  @Test
  void aSimulatedTypeTakesTheFactsAndPricesOfItsRealType() throws Exception {
    Catalog c = Catalog.load(write("base.yaml", BASE));
    InstanceType sim = c.get("sim-g5.2xlarge");
    assertThat(sim.vcpus()).isEqualTo(8);
    assertThat(sim.accelerator()).isEqualTo("NVIDIA A10G");
    assertThat(sim.hourlyPrice(Platform.EC2)).isEqualTo(1.2);
    assertThat(sim.taken()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(sim.source()).isEqualTo("list");
  }

  @Test
  void aLaterFileReplacesOnlyTheKeysItGives() throws Exception {
    Catalog c = withOverride(String.join("\n",
        "taken: 2026-11-20",
        "types:",
        "  g5.2xlarge:",
        "    sagemaker-per-hour: 1.4",
        "  my.box:",
        "    vcpus: 2",
        "    memory-gib: 4",
        "    ec2-per-hour: 0.1",
        ""));
    InstanceType t = c.get("g5.2xlarge");
    assertThat(t.sageMakerPerHour()).isEqualTo(1.4);
    assertThat(t.ec2PerHour()).isEqualTo(1.2);
    assertThat(t.vcpus()).isEqualTo(8);
    assertThat(t.taken()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(c.get("sim-g5.2xlarge").hourlyPrice(Platform.SAGEMAKER)).isEqualTo(1.4);
    assertThat(c.get("my.box").accelerators()).isZero();
    assertThat(c.get("my.box").hourlyPrice(Platform.EC2)).isEqualTo(0.1);
    assertThatThrownBy(() -> c.get("my.box").hourlyPrice(Platform.SAGEMAKER))
        .hasMessageContaining("my.box has no sagemaker price in the catalog");
  }

  @Test
  void aGlobalDiscountAppliesToListPricesButNotToACustomPrice() throws Exception {
    Catalog c = withOverride(String.join("\n",
        "discount: 0.3",
        "types:",
        "  cheap.box:",
        "    vcpus: 2",
        "    memory-gib: 4",
        "    price-per-hour: 0.5",
        ""));
    // 1.5 x (1 - 0.3) = 1.05
    assertThat(c.get("g5.2xlarge").hourlyPrice(Platform.SAGEMAKER)).isCloseTo(1.05, within(1e-12));
    assertThat(c.get("g5.2xlarge").listPrice(Platform.SAGEMAKER)).isEqualTo(1.5);
    assertThat(c.get("sim-g5.2xlarge").hourlyPrice(Platform.EC2)).isCloseTo(0.84, within(1e-12));
    assertThat(c.get("cheap.box").hourlyPrice(Platform.SAGEMAKER)).isEqualTo(0.5);
  }

  @Test
  void aTypesOwnDiscountWinsOverTheGlobalOne() throws Exception {
    Catalog c = withOverride(String.join("\n",
        "discount: 0.3",
        "types:",
        "  g5.2xlarge:",
        "    discount: 0.5",
        ""));
    assertThat(c.get("g5.2xlarge").hourlyPrice(Platform.EC2)).isCloseTo(0.6, within(1e-12));
    // the simulated type follows its real type's discount
    assertThat(c.get("sim-g5.2xlarge").hourlyPrice(Platform.EC2)).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void aNewRegionWithoutNewPricesWarns() throws Exception {
    Catalog c = withOverride("region: eu-west-1\n");
    assertThat(c.region()).isEqualTo("eu-west-1");
    assertThat(c.get("g5.2xlarge").region()).isEqualTo("us-east-1");
    assertThat(c.warnings()).singleElement().asString()
        .contains("eu-west-1", "g5.2xlarge (us-east-1)", "sim-g5.2xlarge (us-east-1)");
    Catalog repriced = withOverride(
        "region: eu-west-1\ntypes:\n  g5.2xlarge:\n    ec2-per-hour: 1.3\n");
    assertThat(repriced.get("sim-g5.2xlarge").region()).isEqualTo("eu-west-1");
    assertThat(repriced.warnings()).isEmpty();
  }

  @Test
  void anUnknownKeyIsLocatedAndACloseMatchSuggested() throws Exception {
    assertThatThrownBy(() -> withOverride("types:\n  g5.2xlarge:\n    sagemaker-per-hr: 1\n"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(dir.resolve("mine.yaml") + ":3:5: types.g5.2xlarge."
            + "sagemaker-per-hr: unknown key; did you mean 'sagemaker-per-hour'?");
    assertThatThrownBy(() -> withOverride("discont: 0.2\n"))
        .hasMessageContaining(":1:1: discont: unknown key; did you mean 'discount'?");
  }

  @Test
  void badValuesNameTheFieldAndTheValue() throws Exception {
    assertThatThrownBy(() -> withOverride("types:\n  g5.2xlarge:\n    discount: 1.5\n"))
        .hasMessageContaining("mine.yaml:3:15: types.g5.2xlarge.discount: must be from 0 "
            + "(inclusive) to 1 (exclusive), e.g. 0.3 for 30 % off, got 1.5");
    assertThatThrownBy(() -> withOverride("types:\n  g5.2xlarge:\n    vcpus: eight\n"))
        .hasMessageContaining(":3:12: types.g5.2xlarge.vcpus: expected a whole number, "
            + "got 'eight'");
    assertThatThrownBy(() -> withOverride("types:\n  g5.2xlarge:\n    ec2-per-hour: 0\n"))
        .hasMessageContaining("types.g5.2xlarge.ec2-per-hour: must be > 0, got '0'");
    assertThatThrownBy(() -> withOverride("taken: last week\n"))
        .hasMessageContaining(":1:8: taken: expected a date such as 2026-11-01");
  }

  @Test
  void anIncompleteNewTypeIsReportedAtItsEntry() throws Exception {
    assertThatThrownBy(() -> withOverride("types:\n  new.box:\n    price-per-hour: 1\n"))
        .hasMessageContaining("mine.yaml:2:3: types.new.box: a new type needs vcpus");
    assertThatThrownBy(() -> withOverride("types:\n  new.box:\n    vcpus: 2\n    memory-gib: 1\n"))
        .hasMessageContaining("mine.yaml:2:3: types.new.box: new.box: has no price");
  }

  @Test
  void priceOfMustNameATypeWithPricesOfItsOwn() throws Exception {
    assertThatThrownBy(() -> withOverride("types:\n  sim-x:\n    price-of: g5.2xlarg\n"))
        .hasMessageContaining("mine.yaml:3:15: types.sim-x.price-of: no type 'g5.2xlarg' to "
            + "take facts and prices from; did you mean 'g5.2xlarge'?");
    assertThatThrownBy(() -> withOverride("types:\n  sim-y:\n    price-of: sim-g5.2xlarge\n"))
        .hasMessageContaining("'sim-g5.2xlarge' takes its prices from 'g5.2xlarge' itself");
  }

  @Test
  void aSimulatedTypeWithItsOwnPriceKeepsItsRealTypesFacts() throws Exception {
    Catalog c = withOverride("types:\n  sim-g5.2xlarge:\n    price-per-hour: 0.01\n");
    InstanceType sim = c.get("sim-g5.2xlarge");
    assertThat(sim.simulated()).isTrue();
    assertThat(sim.hourlyPrice(Platform.SAGEMAKER)).isEqualTo(0.01);
    assertThat(sim.vcpus()).isEqualTo(8);
    assertThat(c.get("g5.2xlarge").hourlyPrice(Platform.SAGEMAKER)).isEqualTo(1.5);
    // naming the real type again drops the own price
    Catalog back = Catalog.load(dir.resolve("base.yaml"), dir.resolve("mine.yaml"),
        write("again.yaml", "types:\n  sim-g5.2xlarge:\n    price-of: g5.2xlarge\n"));
    assertThat(back.get("sim-g5.2xlarge").hourlyPrice(Platform.SAGEMAKER)).isEqualTo(1.5);
  }

  @Test
  void syntaxErrorsDuplicatesAndEmptyFilesAreLocated() throws Exception {
    assertThatThrownBy(() -> withOverride("types:\n  g5.2xlarge: [\n"))
        .hasMessageContaining("mine.yaml:").hasMessageContaining("YAML syntax error");
    assertThatThrownBy(() -> withOverride(
        "types:\n  g5.2xlarge:\n    vcpus: 2\n    vcpus: 3\n"))
        .hasMessageContaining(":4:5: types.g5.2xlarge.vcpus: appears twice; first at line 3");
    assertThatThrownBy(() -> withOverride("# nothing\n"))
        .hasMessageContaining("mine.yaml: (document): the file is empty");
    assertThatThrownBy(() -> withOverride("- a\n- b\n"))
        .hasMessageContaining(":1:1: (document): expected a catalog");
  }

  @Test
  void anUnknownTypeIsNamedWithACloseMatch() throws Exception {
    Catalog c = Catalog.load(write("base.yaml", BASE));
    assertThat(c.find("g5.4xlarge")).isEmpty();
    assertThatThrownBy(() -> c.get("g5.2xlarg"))
        .hasMessageContaining("instance type 'g5.2xlarg' is not in the catalog; did you mean "
            + "'g5.2xlarge'?");
  }

  @Test
  void aMissingBundledCatalogListsWhereItLooked() {
    assertThatThrownBy(() -> Catalog.bundled(List.of(dir)))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("the bundled catalog is missing; looked for [" + dir.resolve(
            Catalog.BUNDLED));
  }
}
