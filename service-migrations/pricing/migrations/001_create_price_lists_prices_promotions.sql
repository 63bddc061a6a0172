-- migrate:up
-- Pricing service V1: price lists, per-SKU prices (with quantity breaks) and promotions.

CREATE TABLE pricing_service.price_lists (
    id          uuid         NOT NULL DEFAULT gen_random_uuid(),
    code        varchar(64)  NOT NULL,
    name        varchar(200) NOT NULL,
    currency    char(3)      NOT NULL,
    is_default  boolean      NOT NULL DEFAULT false,
    valid_from  timestamptz,
    valid_to    timestamptz,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_price_lists PRIMARY KEY (id),
    CONSTRAINT uq_price_lists_code UNIQUE (code),
    CONSTRAINT chk_price_lists_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT chk_price_lists_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from)
);
-- at most one default price list per currency
CREATE UNIQUE INDEX uq_price_lists_currency_default ON pricing_service.price_lists (currency) WHERE is_default;
COMMENT ON TABLE pricing_service.price_lists IS 'Named sets of prices (retail, wholesale, per market) in one currency.';

CREATE TABLE pricing_service.prices (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    price_list_id    uuid          NOT NULL,
    sku              varchar(64)   NOT NULL,
    unit_price       numeric(12,2) NOT NULL,
    compare_at_price numeric(12,2),
    min_quantity     integer       NOT NULL DEFAULT 1,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_prices PRIMARY KEY (id),
    CONSTRAINT fk_prices_price_lists FOREIGN KEY (price_list_id)
        REFERENCES pricing_service.price_lists (id) ON DELETE CASCADE,
    CONSTRAINT uq_prices_price_list_id_sku_min_quantity UNIQUE (price_list_id, sku, min_quantity),
    CONSTRAINT chk_prices_unit_price_non_negative CHECK (unit_price >= 0),
    CONSTRAINT chk_prices_compare_at_price CHECK (compare_at_price IS NULL OR compare_at_price > unit_price),
    CONSTRAINT chk_prices_min_quantity CHECK (min_quantity >= 1)
);
COMMENT ON TABLE pricing_service.prices IS 'Price of a SKU in a price list, from min_quantity units upwards.';

CREATE TABLE pricing_service.promotions (
    id             uuid          NOT NULL DEFAULT gen_random_uuid(),
    code           varchar(64),
    name           varchar(200)  NOT NULL,
    discount_type  varchar(16)   NOT NULL,
    discount_value numeric(12,2) NOT NULL,
    starts_at      timestamptz   NOT NULL,
    ends_at        timestamptz,
    usage_limit    integer,
    times_used     integer       NOT NULL DEFAULT 0,
    is_active      boolean       NOT NULL DEFAULT true,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_promotions PRIMARY KEY (id),
    CONSTRAINT chk_promotions_discount_type CHECK (discount_type IN ('percentage', 'fixed_amount', 'free_shipping')),
    CONSTRAINT chk_promotions_discount_value CHECK (discount_value >= 0 AND (discount_type <> 'percentage' OR discount_value <= 100)),
    CONSTRAINT chk_promotions_period CHECK (ends_at IS NULL OR ends_at > starts_at),
    CONSTRAINT chk_promotions_usage CHECK (times_used >= 0 AND (usage_limit IS NULL OR times_used <= usage_limit))
);
-- coupon codes are unique case-insensitively; automatic promotions have no code
CREATE UNIQUE INDEX uq_promotions_code ON pricing_service.promotions (upper(code)) WHERE code IS NOT NULL;
COMMENT ON TABLE pricing_service.promotions IS 'Automatic promotions and coupon codes.';

-- migrate:down
DROP TABLE IF EXISTS pricing_service.promotions;
DROP TABLE IF EXISTS pricing_service.prices;
DROP TABLE IF EXISTS pricing_service.price_lists;
