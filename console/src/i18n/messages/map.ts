export default {
  ko: {
    map: {
      legend: "범례",
      noTiles: "지도 배경을 불러올 수 없어 구역만 표시합니다.",
    },
    zoneKinds: {
      dense_area: "다중밀집지역",
      women_safe_zone: "여성안심구역",
      safe_return_route: "안심귀갓길",
      safe_house: "여성 안심 지킴이집",
      other: "기타",
    },
  },
  en: {
    map: {
      legend: "Legend",
      noTiles: "Map background unavailable: showing zones only.",
    },
    zoneKinds: {
      dense_area: "Dense area",
      women_safe_zone: "Women-safe zone",
      safe_return_route: "Safe-return route",
      safe_house: "Safe house",
      other: "Other",
    },
  },
};
