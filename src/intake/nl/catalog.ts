/**
 * The domain catalog: for each kind of application people ask for, the entities an expert would start
 * from — fields with types and constraints, filter and sort flags, relations, who owns which rows and who
 * may read them. Every domain is a valid Blueprint on its own (with JWT auth); `withoutAuth` adapts it
 * when the request says "no auth".
 */
import type { BlueprintInput } from "../../blueprint/schema.js";

export type EntityInput = BlueprintInput["entities"][number];
export type FieldInput = NonNullable<EntityInput["fields"]>[number];
export type RelationInput = NonNullable<EntityInput["relations"]>[number];

export interface Domain {
  readonly id: string;
  /** How the domain is named in messages: "e-commerce". */
  readonly label: string;
  /** Project (package) name. */
  readonly project: string;
  readonly description: string;
  /** Phrases that select the domain (matched like vocabulary phrases). */
  readonly triggers: readonly string[];
  /** Naming two of these entities ("manage tasks and projects") also selects the domain. */
  readonly keyEntities: readonly string[];
  readonly roles: readonly [string, string, ...string[]];
  readonly entities: readonly EntityInput[];
  /** What the entity design assumes, for the plan's assumptions. */
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// Field helpers: terse, and every option explicit in the result

type Extra = Omit<FieldInput, "name" | "type">;

const str = (name: string, max_length: number, extra: Extra = {}): FieldInput => ({
  name,
  max_length,
  ...extra,
});
const text = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "text", ...extra });
const int = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "int", ...extra });
const float = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "float", ...extra });
const decimal = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "decimal", ...extra });
const bool = (name: string, value: boolean, extra: Extra = {}): FieldInput => ({
  name,
  type: "bool",
  default: value,
  ...extra,
});
const date = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "date", ...extra });
const datetime = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "datetime", ...extra });
const email = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "email", ...extra });
const url = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "url", ...extra });
const json = (name: string, extra: Extra = {}): FieldInput => ({ name, type: "json", ...extra });
const choice = (name: string, choices: [string, ...string[]], extra: Extra = {}): FieldInput => ({
  name,
  type: "enum",
  choices,
  default: choices[0],
  ...extra,
});
const optional: Extra = { required: false };
const listed: Extra = { filter: true, sort: true };

const manyToOne = (
  name: string,
  to: string,
  extra: Omit<RelationInput, "name" | "to" | "kind"> = {},
): RelationInput => ({
  name,
  to,
  ...extra,
});
const oneToMany = (name: string, to: string): RelationInput => ({ name, to, kind: "one-to-many" });
const manyToMany = (name: string, to: string): RelationInput => ({ name, to, kind: "many-to-many" });

const SKU: Extra = { unique: true, pattern: "^[A-Z0-9-]+$", example: "SKU-1", normalize: ["strip", "upper"] };
const SLUG: Extra = { unique: true, pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$", example: "hello-world" };

// ---------------------------------------------------------------------------------------------------------
// Domains

const ecommerce: Domain = {
  id: "ecommerce",
  label: "e-commerce",
  project: "shop",
  description: "E-commerce API with a product catalog, customers, carts and orders.",
  triggers: [
    "e-commerce",
    "ecommerce",
    "e commerce",
    "online shop",
    "online store",
    "web shop",
    "webshop",
    "shop",
    "shopping",
    "shopping cart",
    "storefront",
    "retail",
    "marketplace",
    "product catalog",
    "product catalogue",
    "checkout",
  ],
  keyEntities: ["Product", "Cart", "Order", "Category", "Customer"],
  roles: ["admin", "customer"],
  notes: [
    "catalog (categories, tags, products) readable by anyone, written by admins",
    "customers, carts and orders belong to the user who created them",
  ],
  entities: [
    {
      name: "Category",
      read: "public",
      relations: [manyToOne("parent", "Category", { required: false, on_delete: "set-null" })],
      fields: [str("name", 80, { unique: true, sort: true }), text("description", optional)],
    },
    {
      name: "Tag",
      read: "public",
      fields: [str("label", 40, { unique: true, normalize: ["strip", "lower"] })],
    },
    {
      name: "Product",
      read: "public",
      pagination: "cursor",
      relations: [manyToOne("category", "Category", { on_delete: "restrict" }), manyToMany("tags", "Tag")],
      fields: [
        str("sku", 32, SKU),
        str("title", 200, { index: true, filter: true }),
        text("description", optional),
        decimal("price", { min: 0, filter: true }),
        int("stock", { min: 0, default: 0 }),
        choice("status", ["draft", "active", "archived"], { filter: true }),
        json("attributes", optional),
      ],
    },
    {
      name: "Customer",
      owned_by: "user",
      fields: [
        str("full_name", 120),
        email("email", { unique: true }),
        str("phone", 30, optional),
        bool("marketing_opt_in", false, { filter: true }),
      ],
    },
    {
      name: "Cart",
      owned_by: "user",
      relations: [oneToMany("items", "CartItem")],
      fields: [str("note", 200, optional)],
    },
    {
      name: "CartItem",
      owned_by: "user",
      relations: [manyToOne("product", "Product")],
      unique_together: [["cart", "product"]],
      fields: [int("quantity", { min: 1, max: 100, default: 1 })],
    },
    {
      name: "Order",
      owned_by: "user",
      relations: [manyToOne("customer", "Customer"), oneToMany("items", "OrderItem")],
      indexes: [["status", "placed_at"]],
      checks: [
        {
          field: "shipped_at",
          op: ">=",
          other: "placed_at",
          message: "an order cannot ship before it is placed",
        },
      ],
      fields: [
        choice("status", ["pending", "paid", "shipped", "cancelled"], listed),
        decimal("total", { min: 0, sort: true }),
        datetime("placed_at", listed),
        datetime("shipped_at", optional),
        text("shipping_address"),
      ],
    },
    {
      name: "OrderItem",
      owned_by: "user",
      relations: [manyToOne("product", "Product", { on_delete: "restrict" })],
      fields: [int("quantity", { min: 1 }), decimal("unit_price", { min: 0 })],
    },
  ],
};

const fulfillment: Domain = {
  id: "fulfillment",
  label: "order fulfillment",
  project: "fulfillment",
  description: "Order fulfillment: warehouses, orders with lines, picking and shipments.",
  triggers: [
    "order fulfillment",
    "order fulfilment",
    "fulfillment",
    "fulfilment",
    "order processing",
    "shipping",
    "shipments",
    "logistics",
    "pick and pack",
    "warehouse orders",
  ],
  keyEntities: ["Shipment", "Warehouse", "OrderLine"],
  roles: ["admin", "staff"],
  notes: [
    "a back-office service: staff (any signed-in user) record orders and shipments, admins manage warehouses",
  ],
  entities: [
    {
      name: "Warehouse",
      fields: [
        str("code", 12, {
          unique: true,
          pattern: "^[A-Z]{3}[0-9]{2}$",
          example: "BER01",
          normalize: ["strip", "upper"],
        }),
        str("name", 120, { sort: true }),
        str("city", 80, listed),
        bool("active", true, { filter: true }),
      ],
    },
    {
      name: "Order",
      write: "authenticated",
      pagination: "cursor",
      relations: [
        manyToOne("warehouse", "Warehouse", { on_delete: "restrict" }),
        oneToMany("lines", "OrderLine"),
      ],
      indexes: [["status", "placed_at"]],
      checks: [
        {
          field: "shipped_at",
          op: ">=",
          other: "placed_at",
          message: "an order cannot ship before it is placed",
        },
      ],
      fields: [
        str("reference", 40, {
          unique: true,
          pattern: "^[A-Z0-9-]+$",
          example: "ORD-1001",
          normalize: ["strip", "upper"],
        }),
        email("customer_email", { filter: true, normalize: ["strip", "lower"] }),
        text("shipping_address"),
        choice("status", ["received", "picking", "packed", "shipped", "delivered", "cancelled"], listed),
        choice("priority", ["standard", "express"], { filter: true }),
        datetime("placed_at", listed),
        datetime("shipped_at", optional),
      ],
    },
    {
      name: "OrderLine",
      write: "authenticated",
      unique_together: [["order", "sku"]],
      checks: [
        { field: "picked", op: "<=", other: "quantity", message: "cannot pick more than was ordered" },
      ],
      fields: [
        str("sku", 32, { ...SKU, unique: false }),
        int("quantity", { min: 1 }),
        int("picked", { min: 0, default: 0 }),
      ],
    },
    {
      name: "Shipment",
      write: "authenticated",
      relations: [manyToOne("order", "Order")],
      checks: [
        { field: "delivered_at", op: ">=", other: "shipped_at", message: "delivery cannot precede shipping" },
      ],
      fields: [
        choice("carrier", ["dhl", "ups", "fedex", "usps", "other"], { filter: true }),
        str("tracking_number", 60, { unique: true }),
        choice("status", ["label_created", "in_transit", "delivered", "returned"], { filter: true }),
        datetime("shipped_at", listed),
        datetime("delivered_at", optional),
      ],
    },
  ],
};

const chat: Domain = {
  id: "chat",
  label: "chat",
  project: "chat",
  description: "Chat backend: rooms, memberships and messages.",
  triggers: [
    "chat",
    "chat app",
    "chat application",
    "chat room",
    "chatroom",
    "chat server",
    "messenger",
    "instant messaging",
    "messaging app",
    "direct messages",
    "group chat",
  ],
  keyEntities: ["Room", "Message", "Membership"],
  roles: ["admin", "member"],
  notes: [
    "rooms, memberships and messages belong to the user who created them and are readable by every signed-in user",
    "messages page by cursor (newest conversations grow fast)",
  ],
  entities: [
    {
      name: "Room",
      owned_by: "user",
      read: "authenticated",
      fields: [
        str("name", 80, { unique: true, sort: true, filter: true }),
        str("topic", 200, optional),
        bool("is_private", false, { filter: true }),
      ],
    },
    {
      name: "Membership",
      owned_by: "user",
      read: "authenticated",
      relations: [manyToOne("room", "Room")],
      fields: [choice("role", ["member", "moderator"], { filter: true }), bool("muted", false)],
    },
    {
      name: "Message",
      owned_by: "user",
      read: "authenticated",
      pagination: "cursor",
      relations: [manyToOne("room", "Room")],
      fields: [text("body", { min_length: 1 }), datetime("edited_at", optional)],
    },
  ],
};

const blog: Domain = {
  id: "blog",
  label: "blog",
  project: "blog",
  description: "A blog with posts, comments and tags.",
  triggers: [
    "blog",
    "blogging",
    "blog posts",
    "blog platform",
    "cms",
    "content management",
    "articles",
    "publishing platform",
  ],
  keyEntities: ["Post", "Comment", "Tag"],
  roles: ["admin", "author"],
  notes: ["posts and comments belong to their author and are public; tags are managed by admins"],
  entities: [
    {
      name: "Tag",
      read: "public",
      fields: [str("name", 40, { unique: true, normalize: ["strip", "lower"], sort: true })],
    },
    {
      name: "Post",
      owned_by: "user",
      read: "public",
      relations: [manyToMany("tags", "Tag"), oneToMany("comments", "Comment")],
      fields: [
        str("title", 200, { index: true, filter: true, sort: true }),
        str("slug", 200, SLUG),
        text("body"),
        choice("status", ["draft", "published"], { filter: true }),
        datetime("published_at", { required: false, sort: true }),
      ],
    },
    {
      name: "Comment",
      owned_by: "user",
      read: "public",
      pagination: "cursor",
      fields: [text("body", { min_length: 1 })],
    },
  ],
};

const projects: Domain = {
  id: "projects",
  label: "task/project management",
  project: "task_manager",
  description: "Project and task management: projects, tasks with labels, and comments.",
  triggers: [
    "project management",
    "task management",
    "task manager",
    "task tracker",
    "task tracking",
    "kanban",
    "kanban board",
    "jira",
    "trello",
    "asana",
    "sprints",
    "project tracker",
  ],
  keyEntities: ["Project", "Task", "Label"],
  roles: ["admin", "member"],
  notes: [
    "projects, tasks and comments belong to their creator and are visible to the whole team (signed-in users)",
  ],
  entities: [
    {
      name: "Project",
      owned_by: "user",
      read: "authenticated",
      fields: [
        str("name", 120, listed),
        text("description", optional),
        choice("status", ["active", "on_hold", "completed", "archived"], { filter: true }),
        date("due_date", { required: false, sort: true }),
      ],
    },
    {
      name: "Label",
      write: "authenticated",
      fields: [
        str("name", 40, { unique: true, normalize: ["strip", "lower"], sort: true }),
        choice("color", ["gray", "red", "orange", "yellow", "green", "blue", "purple"], { filter: true }),
      ],
    },
    {
      name: "Task",
      owned_by: "user",
      read: "authenticated",
      relations: [manyToOne("project", "Project"), manyToMany("labels", "Label")],
      indexes: [["status", "due_date"]],
      fields: [
        str("title", 200, listed),
        text("description", optional),
        choice("status", ["todo", "in_progress", "done"], listed),
        choice("priority", ["low", "medium", "high", "urgent"], { ...listed, default: "medium" }),
        date("due_date", { required: false, ...listed }),
        datetime("completed_at", optional),
      ],
    },
    {
      name: "Comment",
      owned_by: "user",
      read: "authenticated",
      pagination: "cursor",
      relations: [manyToOne("task", "Task")],
      fields: [text("body", { min_length: 1 })],
    },
  ],
};

const todo: Domain = {
  id: "todo",
  label: "to-do list",
  project: "todo",
  description: "Personal to-do lists.",
  triggers: [
    "todo",
    "todos",
    "to do",
    "to do list",
    "to do app",
    "todo list",
    "todo app",
    "checklist",
    "checklists",
  ],
  keyEntities: ["Todo", "TodoList"],
  roles: ["admin", "user"],
  notes: ["lists and to-dos are private: each user sees only their own"],
  entities: [
    {
      name: "TodoList",
      owned_by: "user",
      fields: [str("name", 120, listed), bool("archived", false, { filter: true })],
    },
    {
      name: "Todo",
      owned_by: "user",
      relations: [manyToOne("todo_list", "TodoList")],
      fields: [
        str("title", 200, listed),
        text("notes", optional),
        bool("done", false, { filter: true }),
        choice("priority", ["low", "normal", "high"], { ...listed, default: "normal" }),
        date("due_date", { required: false, ...listed }),
      ],
    },
  ],
};

const inventory: Domain = {
  id: "inventory",
  label: "inventory",
  project: "inventory",
  description: "Inventory: suppliers, warehouses, items, stock levels and movements.",
  triggers: [
    "inventory",
    "inventory management",
    "stock management",
    "stock levels",
    "stock control",
    "warehouse management",
    "warehouses",
  ],
  keyEntities: ["Item", "Warehouse", "Supplier", "StockMovement"],
  roles: ["admin", "staff"],
  notes: [
    "staff (any signed-in user) record stock levels and movements; admins manage suppliers, warehouses and items",
  ],
  entities: [
    {
      name: "Supplier",
      fields: [
        str("name", 120, { unique: true, ...listed }),
        email("email", optional),
        str("phone", 30, optional),
      ],
    },
    {
      name: "Warehouse",
      fields: [
        str("code", 12, {
          unique: true,
          pattern: "^[A-Z]{3}[0-9]{2}$",
          example: "BER01",
          normalize: ["strip", "upper"],
        }),
        str("name", 120, { sort: true }),
        str("city", 80, listed),
      ],
    },
    {
      name: "Item",
      relations: [manyToOne("supplier", "Supplier", { required: false, on_delete: "set-null" })],
      fields: [
        str("sku", 32, SKU),
        str("name", 120, listed),
        text("description", optional),
        decimal("unit_cost", { min: 0, sort: true }),
        int("reorder_level", { min: 0, default: 0 }),
      ],
    },
    {
      name: "StockLevel",
      write: "authenticated",
      relations: [manyToOne("item", "Item"), manyToOne("warehouse", "Warehouse")],
      unique_together: [["item", "warehouse"]],
      fields: [int("quantity", { min: 0, default: 0, sort: true })],
    },
    {
      name: "StockMovement",
      write: "authenticated",
      relations: [manyToOne("item", "Item"), manyToOne("warehouse", "Warehouse")],
      fields: [
        choice("kind", ["receipt", "shipment", "adjustment", "transfer"], { filter: true }),
        int("quantity", { min: 1 }),
        datetime("moved_at", listed),
        str("reference", 60, optional),
      ],
    },
  ],
};

const booking: Domain = {
  id: "booking",
  label: "booking/reservations",
  project: "booking",
  description: "Bookings of resources (rooms, tables, desks) for time slots.",
  triggers: [
    "booking",
    "bookings",
    "booking system",
    "reservation",
    "reservations",
    "reservation system",
    "appointments",
    "appointment booking",
    "appointment scheduling",
    "scheduling appointments",
    "hotel",
    "room booking",
    "table reservations",
  ],
  keyEntities: ["Booking", "Reservation", "Resource", "Appointment"],
  roles: ["admin", "customer"],
  notes: [
    "bookable resources are public and managed by admins; each booking is private to the user who made it",
    "a booking ends after it starts; overlapping bookings are not prevented by the schema",
  ],
  entities: [
    {
      name: "Resource",
      read: "public",
      fields: [
        str("name", 120, { unique: true, ...listed }),
        text("description", optional),
        int("capacity", { min: 1, default: 1, sort: true }),
        str("location", 200, { required: false, filter: true }),
        bool("active", true, { filter: true }),
      ],
    },
    {
      name: "Booking",
      owned_by: "user",
      relations: [manyToOne("resource", "Resource", { on_delete: "restrict" })],
      indexes: [["resource", "starts_at"]],
      checks: [
        { field: "ends_at", op: ">", other: "starts_at", message: "a booking must end after it starts" },
      ],
      fields: [
        datetime("starts_at", listed),
        datetime("ends_at", { sort: true }),
        int("guests", { min: 1, max: 100, default: 1 }),
        choice("status", ["pending", "confirmed", "cancelled"], { filter: true }),
        text("notes", optional),
      ],
    },
  ],
};

const crm: Domain = {
  id: "crm",
  label: "CRM",
  project: "crm",
  description: "CRM: companies, contacts, deals through a sales pipeline, and activities.",
  triggers: [
    "crm",
    "customer relationship management",
    "sales pipeline",
    "sales crm",
    "leads",
    "lead management",
    "deals",
    "contact management",
  ],
  keyEntities: ["Contact", "Deal", "Company", "Lead", "Activity"],
  roles: ["admin", "sales"],
  notes: [
    "the sales team (signed-in users) shares companies and contacts; deals and activities belong to the rep who logs them",
  ],
  entities: [
    {
      name: "Company",
      write: "authenticated",
      fields: [
        str("name", 160, { unique: true, ...listed }),
        url("website", optional),
        str("industry", 80, { required: false, filter: true }),
      ],
    },
    {
      name: "Contact",
      write: "authenticated",
      relations: [manyToOne("company", "Company", { required: false, on_delete: "set-null" })],
      fields: [
        str("first_name", 80),
        str("last_name", 80, listed),
        email("email", { unique: true, normalize: ["strip", "lower"] }),
        str("phone", 30, optional),
        str("job_title", 120, optional),
      ],
    },
    {
      name: "Deal",
      owned_by: "user",
      read: "authenticated",
      relations: [
        manyToOne("company", "Company", { on_delete: "restrict" }),
        manyToOne("contact", "Contact", { required: false, on_delete: "set-null" }),
      ],
      fields: [
        str("title", 200, { filter: true }),
        decimal("value", { min: 0, ...listed }),
        choice("stage", ["lead", "qualified", "proposal", "negotiation", "won", "lost"], listed),
        date("expected_close", { required: false, ...listed }),
        datetime("closed_at", optional),
      ],
    },
    {
      name: "Activity",
      owned_by: "user",
      read: "authenticated",
      plural: "activities",
      pagination: "cursor",
      relations: [
        manyToOne("contact", "Contact"),
        manyToOne("deal", "Deal", { required: false, on_delete: "set-null" }),
      ],
      fields: [
        choice("kind", ["call", "email", "meeting", "note"], { filter: true }),
        str("subject", 200),
        text("notes", optional),
        datetime("occurred_at", listed),
      ],
    },
  ],
};

const social: Domain = {
  id: "social",
  label: "social network",
  project: "social",
  description: "Social network: profiles, posts, comments, reactions and follows.",
  triggers: [
    "social network",
    "social networking",
    "social media",
    "social app",
    "social platform",
    "news feed",
    "followers",
    "follow users",
  ],
  keyEntities: ["Profile", "Follow", "Reaction"],
  roles: ["admin", "member"],
  notes: [
    "every row belongs to the user who created it and is readable by signed-in users (profiles: by anyone)",
  ],
  entities: [
    {
      name: "Profile",
      owned_by: "user",
      read: "public",
      fields: [
        str("handle", 30, {
          unique: true,
          pattern: "^[a-z0-9_]{3,30}$",
          example: "ada_lovelace",
          normalize: ["strip", "lower"],
          sort: true,
        }),
        str("display_name", 80, { filter: true }),
        text("bio", optional),
        url("website", optional),
      ],
    },
    {
      name: "Post",
      owned_by: "user",
      read: "authenticated",
      pagination: "cursor",
      fields: [
        text("body", { min_length: 1 }),
        url("image_url", optional),
        choice("visibility", ["public", "followers"], { filter: true }),
      ],
    },
    {
      name: "Comment",
      owned_by: "user",
      read: "authenticated",
      pagination: "cursor",
      relations: [manyToOne("post", "Post")],
      fields: [text("body", { min_length: 1 })],
    },
    {
      name: "Reaction",
      owned_by: "user",
      read: "authenticated",
      relations: [manyToOne("post", "Post")],
      fields: [choice("kind", ["like", "love", "laugh", "sad"], { filter: true })],
    },
    {
      name: "Follow",
      owned_by: "user",
      read: "authenticated",
      relations: [manyToOne("followed", "Profile")],
      fields: [choice("notifications", ["all", "highlights", "off"])],
    },
  ],
};

const iot: Domain = {
  id: "iot",
  label: "IoT telemetry",
  project: "telemetry",
  description: "IoT telemetry: devices, sensor readings and alerts.",
  triggers: [
    "iot",
    "internet of things",
    "telemetry",
    "sensors",
    "sensor data",
    "sensor readings",
    "smart home",
    "device fleet",
    "device management",
  ],
  keyEntities: ["Device", "Reading", "Sensor", "Alert"],
  roles: ["admin", "operator"],
  notes: [
    "devices, readings and alerts are private to the user who registered the device",
    "readings page by cursor and are indexed by device and time",
  ],
  entities: [
    {
      name: "Device",
      owned_by: "user",
      fields: [
        str("serial", 40, {
          unique: true,
          pattern: "^[A-Z0-9-]+$",
          example: "DEV-001",
          normalize: ["strip", "upper"],
        }),
        str("name", 120, listed),
        choice("kind", ["sensor", "actuator", "gateway"], { filter: true }),
        str("location", 120, { required: false, filter: true }),
        bool("active", true, { filter: true }),
        datetime("last_seen_at", { required: false, sort: true }),
      ],
    },
    {
      name: "Reading",
      owned_by: "user",
      pagination: "cursor",
      relations: [manyToOne("device", "Device")],
      indexes: [["device", "recorded_at"]],
      fields: [
        str("metric", 60, { filter: true }),
        float("value", { sort: true }),
        str("unit", 20, optional),
        datetime("recorded_at", { ...listed, index: true }),
      ],
    },
    {
      name: "Alert",
      owned_by: "user",
      relations: [manyToOne("device", "Device")],
      checks: [
        {
          field: "resolved_at",
          op: ">=",
          other: "raised_at",
          message: "an alert cannot resolve before it is raised",
        },
      ],
      fields: [
        choice("severity", ["info", "warning", "critical"], listed),
        str("message", 500),
        datetime("raised_at", listed),
        datetime("resolved_at", optional),
      ],
    },
  ],
};

const helpdesk: Domain = {
  id: "helpdesk",
  label: "ticketing/helpdesk",
  project: "helpdesk",
  description: "Helpdesk: support tickets in categories, with replies.",
  triggers: [
    "helpdesk",
    "help desk",
    "service desk",
    "support tickets",
    "support ticket",
    "ticketing",
    "ticketing system",
    "ticket system",
    "ticket tracking",
    "customer support",
    "issue tracker",
    "issue tracking",
    "bug tracker",
  ],
  keyEntities: ["Ticket", "Reply"],
  roles: ["agent", "customer"],
  notes: [
    "agents are the administrator role and see every ticket; customers see only their own tickets and replies",
  ],
  entities: [
    {
      name: "Category",
      fields: [str("name", 80, { unique: true, sort: true })],
    },
    {
      name: "Ticket",
      owned_by: "user",
      relations: [
        manyToOne("category", "Category", { required: false, on_delete: "set-null" }),
        oneToMany("replies", "Reply"),
      ],
      indexes: [["status", "priority"]],
      fields: [
        str("subject", 200, listed),
        text("description"),
        choice("status", ["open", "pending", "resolved", "closed"], listed),
        choice("priority", ["low", "normal", "high", "urgent"], { ...listed, default: "normal" }),
        datetime("resolved_at", optional),
      ],
    },
    {
      name: "Reply",
      owned_by: "user",
      plural: "replies",
      pagination: "cursor",
      fields: [text("body", { min_length: 1 }), bool("internal", false, { filter: true })],
    },
  ],
};

const learning: Domain = {
  id: "learning",
  label: "learning/courses",
  project: "learning",
  description: "Learning platform: courses with lessons, and student enrollments.",
  triggers: [
    "lms",
    "learning management",
    "learning platform",
    "e-learning",
    "elearning",
    "online learning",
    "online courses",
    "courses",
    "course platform",
    "mooc",
  ],
  keyEntities: ["Course", "Lesson", "Enrollment", "Student"],
  roles: ["admin", "student", "instructor"],
  notes: [
    "courses belong to their instructor and are public; lessons are visible to signed-in users",
    "enrollments are private to the student; progress is a percentage from 0 to 100",
  ],
  entities: [
    {
      name: "Course",
      owned_by: "user",
      read: "public",
      fields: [
        str("title", 200, listed),
        str("slug", 120, { ...SLUG, example: "intro-to-python" }),
        text("description", optional),
        choice("level", ["beginner", "intermediate", "advanced"], listed),
        bool("published", false, { filter: true }),
        decimal("price", { min: 0, default: 0, sort: true }),
      ],
    },
    {
      name: "Lesson",
      owned_by: "user",
      read: "authenticated",
      relations: [manyToOne("course", "Course")],
      unique_together: [["course", "position"]],
      fields: [
        str("title", 200, { filter: true }),
        text("content"),
        int("position", { min: 1, sort: true }),
        int("duration_minutes", { min: 1, max: 600, required: false }),
      ],
    },
    {
      name: "Enrollment",
      owned_by: "user",
      relations: [manyToOne("course", "Course")],
      checks: [
        {
          field: "completed_at",
          op: ">=",
          other: "enrolled_at",
          message: "completion cannot precede enrollment",
        },
      ],
      fields: [
        choice("status", ["active", "completed", "dropped"], { filter: true }),
        int("progress", { min: 0, max: 100, default: 0, sort: true }),
        datetime("enrolled_at", listed),
        datetime("completed_at", optional),
      ],
    },
  ],
};

const pipeline: Domain = {
  id: "pipeline",
  label: "data pipeline",
  project: "data_pipeline",
  description: "Data pipeline: data sources and the record of every pipeline run.",
  triggers: [
    "data pipeline",
    "data pipelines",
    "data processing pipeline",
    "processing pipeline",
    "etl",
    "etl pipeline",
    "data ingestion",
    "ingestion pipeline",
  ],
  keyEntities: ["DataSource", "PipelineRun"],
  roles: ["admin", "analyst"],
  notes: ["admins register data sources; runs are recorded by the workers and analysts (signed-in users)"],
  entities: [
    {
      name: "DataSource",
      fields: [
        str("name", 120, { unique: true, ...listed }),
        choice("kind", ["csv", "json", "api", "database"], { filter: true }),
        str("location", 500),
        str("schedule", 60, { required: false, description: "cron expression, e.g. 0 * * * *" }),
        bool("active", true, { filter: true }),
      ],
    },
    {
      name: "PipelineRun",
      write: "authenticated",
      relations: [manyToOne("source", "DataSource")],
      indexes: [["source", "started_at"]],
      checks: [
        {
          field: "finished_at",
          op: ">=",
          other: "started_at",
          message: "a run cannot finish before it starts",
        },
      ],
      fields: [
        choice("status", ["queued", "running", "succeeded", "failed"], listed),
        datetime("started_at", listed),
        datetime("finished_at", optional),
        int("rows_read", { min: 0, default: 0 }),
        int("rows_written", { min: 0, default: 0 }),
        text("error", optional),
      ],
    },
  ],
};

/** The catalog, in the order ties are broken. */
export const DOMAINS: readonly Domain[] = [
  ecommerce,
  fulfillment,
  chat,
  blog,
  projects,
  todo,
  inventory,
  booking,
  crm,
  social,
  iot,
  helpdesk,
  learning,
  pipeline,
];

/** Words of domain triggers whose misspellings are recognised. */
export const DOMAIN_FUZZY_WORDS: readonly string[] = [
  "ecommerce",
  "fulfillment",
  "fulfilment",
  "helpdesk",
  "inventory",
  "reservations",
  "reservation",
  "telemetry",
  "marketplace",
  "storefront",
  "ticketing",
];

// ---------------------------------------------------------------------------------------------------------
// Starter entities (no domain and no nouns in the request)

/** A plain entity to start from. */
export function starterItem(owned: boolean): EntityInput {
  return {
    name: "Item",
    ...(owned ? { owned_by: "user" as const } : {}),
    fields: [str("name", 120, listed), text("description", optional)],
  };
}

/** Shows off validation: lengths, normalizers, a pattern, bounds, an enum and a cross-field check. */
export function validationShowcase(owned: boolean): EntityInput {
  return {
    name: "Event",
    ...(owned ? { owned_by: "user" as const } : {}),
    checks: [{ field: "ends_at", op: ">", other: "starts_at", message: "an event must end after it starts" }],
    fields: [
      str("title", 200, { min_length: 3, normalize: ["strip"], ...listed }),
      str("slug", 80, { ...SLUG, example: "pycon-2025" }),
      email("contact_email", { normalize: ["strip", "lower"] }),
      url("website", optional),
      int("capacity", { min: 1, max: 10000 }),
      decimal("price", { min: 0, default: 0, sort: true }),
      choice("status", ["draft", "published", "cancelled"], { filter: true }),
      datetime("starts_at", listed),
      datetime("ends_at"),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Adaptation

/** Without auth there are no users: rows have no owner and access rules that need a user go. */
export function withoutAuth(entities: readonly EntityInput[]): EntityInput[] {
  return entities.map((entity) => {
    const { owned_by: _owned, read: _read, write: _write, ...rest } = entity;
    return rest;
  });
}

/** A deep copy, so callers may edit what the catalog returns. */
export function copyEntities(entities: readonly EntityInput[]): EntityInput[] {
  return structuredClone(entities) as EntityInput[];
}
