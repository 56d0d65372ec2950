package vn.ntm.criteria.reference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ProvinceRequest(@NotBlank @Pattern(regexp = "[0-9]{2}", message = "{criteria.field.provinceCode}") String code,
                              @NotBlank @Size(max = 200) String name,
                              @NotNull @Min(1) @Max(7) Integer region) {
}
